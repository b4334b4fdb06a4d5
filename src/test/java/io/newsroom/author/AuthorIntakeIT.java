package io.newsroom.author;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.FeedServer;
import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bylines from other systems become authors of the source they came from: feed items' dc:creator and
 * author (polled from a real server on 127.0.0.1), and ninjs {@code by}. One outlet's spellings of a
 * name are one author; two outlets' are two until an editor merges them.
 */
class AuthorIntakeIT extends IntegrationTest {

    private static final String RSS = "application/rss+xml; charset=utf-8";

    private FeedServer server;
    private Api editor;

    @BeforeEach
    void start() {
        server = new FeedServer();
        editor = api.as(editorKey);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void feedBylinesBecomeAuthorsOfTheirSource() {
        String wafd = source("بوابة الوفد");
        String masrawy = source("مصراوي");
        server.serve("/wafd.xml", FeedServer.feed(RSS, () -> rss(
                item("wafd-1", "وزير الزراعة يعلن خطة لدعم مزارعي القمح", "<dc:creator>محمد علي</dc:creator>"),
                item("wafd-2", "افتتاح معرض القاهرة الدولي للكتاب", "<dc:creator>محمد على</dc:creator>"),
                item("wafd-3", "منتخب اليد يتأهل إلى النهائي", "<author>sports@wafd.example (سارة أحمد)</author>"))));
        server.serve("/masrawy.xml", FeedServer.feed(RSS, () -> rss(
                item("masrawy-1", "أمطار غزيرة على السواحل الشمالية", "<dc:creator>محمد علي</dc:creator>"))));
        String wafdFeed = feed(wafd, "/wafd.xml");
        String masrawyFeed = feed(masrawy, "/masrawy.xml");
        assertThat(poll(wafd, wafdFeed).get("created").asInt()).isEqualTo(3);
        assertThat(poll(masrawy, masrawyFeed).get("created").asInt()).isEqualTo(1);

        JsonNode wheat = article(wafdFeed, "wafd-1");
        JsonNode books = article(wafdFeed, "wafd-2");
        JsonNode rain = article(masrawyFeed, "masrawy-1");
        String wafdAli = wheat.get("authors").get(0).get("id").asString();
        assertThat(books.get("authors").findValuesAsString("id")).containsExactly(wafdAli);
        assertThat(books.get("byline").asString()).isEqualTo("محمد على"); // the byline stays as sent
        String masrawyAli = rain.get("authors").get(0).get("id").asString();
        assertThat(masrawyAli).isNotEqualTo(wafdAli);
        assertThat(editor.get("/api/admin/authors/" + wafdAli).json().get("sourceId").asString()).isEqualTo(wafd);
        assertThat(editor.get("/api/admin/authors/" + masrawyAli).json().get("sourceId").asString()).isEqualTo(masrawy);
        assertThat(article(wafdFeed, "wafd-3").get("authors").findValuesAsString("name")).containsExactly("سارة أحمد");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors", Long.class)).isEqualTo(3);

        // readers see two authors of one name, each with their own page
        JsonNode authors = api.get("/api/content/authors").json().get("items");
        assertThat(authors.findValuesAsString("name")).containsExactlyInAnyOrder("محمد علي", "محمد علي", "سارة أحمد");
        assertThat(authors.findValuesAsString("slug")).contains("محمد-علي", "محمد-علي-2");

        // an editor merges them; the other outlet's next item signed so credits the one author
        assertThat(editor.post("/api/admin/authors/" + masrawyAli + "/merge", Map.of("intoId", wafdAli)).status()).isEqualTo(200);
        server.serve("/masrawy.xml", FeedServer.feed(RSS, () -> rss(
                item("masrawy-1", "أمطار غزيرة على السواحل الشمالية", "<dc:creator>محمد علي</dc:creator>"),
                item("masrawy-2", "افتتاح طريق سريع جديد في الصعيد", "<dc:creator>محمّد علي</dc:creator>"))));
        assertThat(poll(masrawy, masrawyFeed).get("created").asInt()).isEqualTo(1);
        assertThat(article(masrawyFeed, "masrawy-2").get("authors").findValuesAsString("id")).containsExactly(wafdAli);
        assertThat(article(masrawyFeed, "masrawy-1").get("authors").findValuesAsString("id")).containsExactly(wafdAli);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors", Long.class)).isEqualTo(2);
    }

    @Test
    void twoFeedsOfOneSourcePolledAtOnceNamingTheSameNewWritersShareThem() throws Exception {
        String wafd = source("بوابة الوفد");
        server.serve("/one.xml", FeedServer.feed(RSS, () -> rss(
                item("one-1", "افتتاح مستشفى جديد في أسوان", "<dc:creator>كاتب أول</dc:creator>"),
                item("one-2", "ارتفاع صادرات القطن هذا العام", "<dc:creator>كاتب ثان</dc:creator>"))));
        server.serve("/two.xml", FeedServer.feed(RSS, () -> rss(
                item("two-1", "فوز فريق الناشئين بكأس البحر المتوسط", "<dc:creator>كاتب ثان</dc:creator>"),
                item("two-2", "مهرجان للموسيقى العربية في الإسكندرية", "<dc:creator>كاتب أول</dc:creator>"))));
        String one = feed(wafd, "/one.xml");
        String two = feed(wafd, "/two.xml");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonNode>> reports = new ArrayList<>();
            for (String feedId : List.of(one, two)) {
                reports.add(pool.submit(() -> {
                    barrier.await();
                    return poll(wafd, feedId);
                }));
            }
            for (Future<JsonNode> report : reports) {
                assertThat(report.get().get("created").asInt()).as(report.get().toString()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForList("SELECT name FROM authors ORDER BY name", String.class)).containsExactly("كاتب أول", "كاتب ثان");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_authors", Long.class)).isEqualTo(4);
    }

    @Test
    void everyAuthorOfAnAtomEntryIsCreditedInOrder() {
        String novosti = source("نوفوستي");
        server.serve("/atom.xml", FeedServer.feed("application/atom+xml; charset=utf-8", () -> """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
                  <title>نوفوستي</title><id>urn:novosti</id><updated>2026-12-03T08:00:00Z</updated>
                  <entry>
                    <id>urn:novosti:1</id><title>موسكو وطهران توقعان خطة عمل مشتركة</title>
                    <link href="https://novosti.example/1"/><updated>2026-12-03T08:00:00Z</updated>
                    <author><name>أليكسي بتروف</name></author><author><name>ماريا إيفانوفا</name></author>
                    <content type="html">&lt;p&gt;نص الخبر&lt;/p&gt;</content>
                  </entry>
                </feed>"""));
        String feed = feed(novosti, "/atom.xml");
        assertThat(poll(novosti, feed).get("created").asInt()).isEqualTo(1);
        JsonNode article = article(feed, "urn:novosti:1");
        assertThat(article.get("authors").findValuesAsString("name")).containsExactly("أليكسي بتروف", "ماريا إيفانوفا");
        assertThat(article.get("byline").asString()).isEqualTo("أليكسي بتروف, ماريا إيفانوفا");
    }

    @Test
    void ninjsByBecomesAuthorsOfTheInfosourceAndFollowsNewVersions() {
        Map<String, Object> document = ninjs("urn:newsml:novosti:1", "2026-11-29T06:00:00Z", "بقلم: ليلى حسن، محمد علي");
        Api.Result created = api.as(integrationKey).post("/api/admin/ingest/ninjs", document);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("articleId").asString();

        JsonNode article = editor.get("/api/admin/articles/" + id).json();
        assertThat(article.get("authors").findValuesAsString("name")).containsExactly("ليلى حسن", "محمد علي");
        assertThat(article.get("byline").asString()).isEqualTo("بقلم: ليلى حسن، محمد علي");
        String novosti = article.get("source").get("id").asString();
        String leila = article.get("authors").get(0).get("id").asString();
        assertThat(editor.get("/api/admin/authors/" + leila).json().get("sourceId").asString()).isEqualTo(novosti);

        // readers get them as ninjs people, and the document validates
        JsonNode ninjs = api.get(Api.articlePath(article.get("slug").asString()) + "?format=ninjs").json();
        assertThat(ninjs.get("people").findValuesAsString("name")).containsExactly("ليلى حسن", "محمد علي");
        assertThat(io.newsroom.support.NinjsSchema.validate(ninjs)).isEmpty();

        // a newer version with another byline: the credits follow the document
        Api.Result updated = api.as(integrationKey).post("/api/admin/ingest/ninjs",
                ninjs("urn:newsml:novosti:1", "2026-11-29T07:00:00Z", "ليلي حسن"));
        assertThat(updated.json().get("outcome").asString()).isEqualTo("updated");
        JsonNode now = editor.get("/api/admin/articles/" + id).json();
        assertThat(now.get("authors").findValuesAsString("id")).containsExactly(leila);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors", Long.class)).isEqualTo(2);

        // the same names from the newsroom's own desk are the newsroom's authors
        Map<String, Object> own = AuthorsIT.article("خبر من مكتبنا");
        own.put("authors", List.of("ليلى حسن"));
        String ownLeila = editor.post("/api/admin/articles", own).json().get("authors").get(0).get("id").asString();
        assertThat(ownLeila).isNotEqualTo(leila);
    }

    private static Map<String, Object> ninjs(String uri, String versionCreated, String by) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("uri", uri);
        document.put("type", "text");
        document.put("versioncreated", versionCreated);
        document.put("pubstatus", "usable");
        document.put("language", "ar");
        document.put("headlines", List.of(Map.of("role", "main", "value", "خطة عمل مشتركة بين إيران وروسيا")));
        document.put("by", by);
        document.put("bodies", List.of(Map.of("role", "main", "contenttype", "text/html", "value", "<p>نص الخبر</p>")));
        document.put("infosources", List.of(Map.of("name", "نوفوستي", "uri", "https://ria.example", "role", "source")));
        return document;
    }

    private static String rss(String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel><title>أخبار</title><link>https://news.example/</link><description>أخبار</description><language>ar</language>
                  %s
                  </channel>
                </rss>""".formatted(String.join("\n", items));
    }

    private static String item(String guid, String title, String byline) {
        return """
                <item><guid isPermaLink="false">%1$s</guid><title>%2$s</title><link>https://news.example/%1$s</link>
                <pubDate>Thu, 03 Dec 2026 08:30:00 +0200</pubDate>%3$s<description>%2$s في تفاصيل الخبر.</description></item>"""
                .formatted(guid, title, byline);
    }

    private String source(String name) {
        Api.Result created = api.as(adminKey).post("/api/admin/sources", Map.of("name", name, "url", "https://" + Math.abs(name.hashCode()) + ".example/"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String feed(String sourceId, String path) {
        Api.Result created = editor.post("/api/admin/sources/" + sourceId + "/feeds", Map.of("url", server.url(path), "enabled", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode poll(String sourceId, String feedId) {
        Api.Result polled = editor.post("/api/admin/sources/" + sourceId + "/feeds/" + feedId + "/poll", null);
        assertThat(polled.status()).as(polled.toString()).isEqualTo(200);
        return polled.json();
    }

    private JsonNode article(String feedId, String key) {
        UUID id = jdbc.queryForObject("SELECT article_id FROM ingested_documents WHERE uri = ?", UUID.class, "feed:" + feedId + ":" + key);
        Api.Result article = editor.get("/api/admin/articles/" + id);
        assertThat(article.status()).isEqualTo(200);
        return article.json();
    }
}
