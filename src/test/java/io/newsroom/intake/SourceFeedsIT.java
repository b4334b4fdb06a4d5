package io.newsroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsroom.support.Api;
import io.newsroom.support.FeedServer;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Feeds end to end: a real HTTP server on 127.0.0.1 serves real feed files (RSS 2.0, Atom, RSS 1.0,
 * JSON Feed, a malformed one, an XXE attempt, gzip, redirects, a slow one, one over the size cap, 304s
 * and a 410), and feeds as older publishers send them (a charset only in the HTTP header or nowhere,
 * undecodable bytes, stray control characters, escaped markup), and the service polls them, on an
 * editor's request and in the background.
 */
class SourceFeedsIT extends IntegrationTest {

    static final String RSS = "application/rss+xml; charset=utf-8";
    private static final Duration WAIT = Duration.ofSeconds(15);

    FeedServer server;
    Api editor;

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
    void editorsAndAdminsManageFeedsWithChecksAndAudit() {
        String sourceId = source("بوابة الوفد");
        Api.Result created = editor.post(feedsPath(sourceId), Map.of("url", server.url("/rss.xml"), "mode", "DRAFT", "language", "ar",
                "defaultTags", List.of("أخبار مصر"), "pollInterval", "PT10M"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode feed = created.json();
        String feedId = feed.get("id").asString();
        assertThat(created.header("Location")).endsWith(feedsPath(sourceId) + "/" + feedId);
        assertThat(feed.get("mode").asString()).isEqualTo("DRAFT");
        assertThat(feed.get("pollInterval").asString()).isEqualTo("PT10M");
        assertThat(feed.get("enabled").asBoolean()).isTrue();
        assertThat(feed.get("defaultTags").get(0).asString()).isEqualTo("أخبار مصر");
        assertThat(feed.get("health").get("nextPollAt").isNull()).isFalse();
        assertThat(feed.get("health").get("itemsSeen").asLong()).isZero();

        JsonNode defaults = editor.post(feedsPath(sourceId), Map.of("url", server.url("/other.xml"))).json();
        assertThat(defaults.get("pollInterval").asString()).isEqualTo("PT5M");
        assertThat(defaults.get("intervalSeconds").asInt()).isEqualTo(300);
        // shared/CONTRACT.md names the interval in seconds; both names mean one setting
        JsonNode inSeconds = editor.post(feedsPath(sourceId), Map.of("url", server.url("/seconds.xml"), "intervalSeconds", 90)).json();
        assertThat(inSeconds.get("pollInterval").asString()).isEqualTo("PT1M30S");
        assertThat(editor.post(feedsPath(sourceId), Map.of("url", server.url("/both.xml"), "intervalSeconds", 90, "pollInterval", "PT5M"))
                .status()).isEqualTo(400);
        assertThat(editor.delete(feedsPath(sourceId) + "/" + inSeconds.get("id").asString()).status()).isEqualTo(204);
        assertThat(defaults.get("mode").asString()).isEqualTo("PUBLISH");
        assertThat(defaults.get("language").isNull()).isTrue();

        assertThat(api.as(adminKey).get(feedsPath(sourceId)).json().get("items")).hasSize(2);
        Api.Result updated = api.as(adminKey).put(feedsPath(sourceId) + "/" + feedId, Map.of("url", server.url("/rss.xml"), "enabled", false));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("enabled").asBoolean()).isFalse();
        assertThat(updated.json().get("health").get("nextPollAt").isNull()).isTrue();

        // roles: writers and integrations read nothing of it to change; anonymous is 401
        assertThat(api.post(feedsPath(sourceId), Map.of("url", server.url("/x.xml"))).status()).isEqualTo(401);
        assertThat(api.as(writerKey).post(feedsPath(sourceId), Map.of("url", server.url("/x.xml"))).status()).isEqualTo(403);
        assertThat(api.as(writerKey).post(feedsPath(sourceId) + "/" + feedId + "/poll", null).status()).isEqualTo(403);
        assertThat(api.as(integrationKey).delete(feedsPath(sourceId) + "/" + feedId).status()).isEqualTo(403);

        // bad settings: clear problems, nothing written
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("url", "ftp://example.org/feed"), Map.of("url", ""),
                Map.of("url", "not a url"), Map.of("url", server.url("/a.xml"), "pollInterval", "PT0.5S"),
                Map.of("url", server.url("/a.xml"), "pollInterval", "P2D"), Map.of("url", server.url("/a.xml"), "mode", "LATER"),
                Map.of("url", server.url("/a.xml"), "pollInterval", "soon"), Map.of("url", server.url("/a.xml"), "language", "not a language"))) {
            Api.Result refused = editor.post(feedsPath(sourceId), bad);
            assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(editor.post(feedsPath(sourceId), Map.of("url", server.url("/rss.xml"))).status()).isEqualTo(409);
        assertThat(editor.post(feedsPath(UUID.randomUUID().toString()), Map.of("url", server.url("/rss.xml"))).status()).isEqualTo(404);
        assertThat(editor.get(feedsPath(sourceId) + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_feeds", Long.class)).isEqualTo(2);

        assertThat(editor.delete(feedsPath(sourceId) + "/" + feedId).status()).isEqualTo(204);
        assertThat(editor.get(feedsPath(sourceId) + "/" + feedId).status()).isEqualTo(404);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'feed' ORDER BY id", String.class))
                .containsExactly("feed.created", "feed.created", "feed.created", "feed.deleted", "feed.updated", "feed.deleted");
    }

    @Test
    void rss2ItemsBecomeArticlesMappedLikeAnEditorWouldHaveTypedThem() {
        api.as(adminKey).post("/api/admin/tags", Map.of("name", "إيران"));
        String sourceId = source("بوابة الوفد");
        server.serve("/rss.xml", FeedServer.feed(RSS, () -> file("rss2-alwafd.xml")));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/rss.xml"), "defaultTags", List.of("أخبار مصر")));

        JsonNode report = pollNow(sourceId, feedId);
        assertThat(report.get("status").asString()).isEqualTo("OK");
        assertThat(report.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(report.get("created").asInt()).isEqualTo(3);
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("warnings").toString()).contains("alwafd-1002: no readable publication date")
                .contains("alwafd-1003: publication date 2099-01-01T10:00:00Z is in the future");

        JsonNode wheat = article(feedId, "alwafd-1001");
        assertThat(wheat.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(wheat.get("headline").asString()).isEqualTo("وزير الزراعة يعلن خطة لدعم مزارعي القمح في الدلتا");
        assertThat(wheat.get("publishedAt").asString()).isEqualTo("2026-12-03T06:30:00Z");
        assertThat(wheat.get("byline").asString()).isEqualTo("محمد عبد الله");
        assertThat(wheat.get("language").asString()).isEqualTo("ar");
        assertThat(wheat.get("direction").asString()).isEqualTo("rtl");
        assertThat(wheat.get("sourceUrl").asString()).isEqualTo("https://alwafd.example/news/1001");
        assertThat(wheat.get("source").get("id").asString()).isEqualTo(sourceId);
        assertThat(wheat.get("excerpt").asString()).startsWith("أعلن وزير الزراعة اليوم خطة");
        assertThat(wheat.get("image").get("url").asString()).isEqualTo("https://alwafd.example/images/minister.jpg");
        assertThat(wheat.get("image").get("caption").asString()).isEqualTo("وزير الزراعة خلال المؤتمر الصحفي");
        String body = wheat.get("bodyHtml").asString();
        assertThat(body).contains("وقال الوزير إن الخطة تشمل").contains("حقل قمح في كفر الشيخ")
                .doesNotContain("<script").doesNotContain("onclick").doesNotContain("javascript:");
        // sanitised exactly as an admin body is
        Api.Result typed = api.as(editorKey).post("/api/admin/articles", Map.of("headline", "للمقارنة", "bodyHtml", rawContent()));
        assertThat(body).isEqualTo(typed.json().get("bodyHtml").asString());
        // categories through the tag normaliser: ايران joins the existing إيران; the feed's default tag added
        assertThat(tagNames(wheat)).containsExactly("الزراعة", "إيران", "أخبار مصر");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags WHERE name IN ('ايران', 'إيران')", Long.class)).isEqualTo(1);

        JsonNode books = article(feedId, "alwafd-1002");
        assertThat(books.get("bodyHtml").asString()).contains("<p>افتتح رئيس الوزراء معرض القاهرة الدولي للكتاب في دورته الجديدة.</p>")
                .contains("<p>ويشارك في المعرض ناشرون من ستين دولة.</p>");
        assertThat(books.get("image").get("url").asString()).isEqualTo("https://alwafd.example/images/book-fair.jpg");
        assertThat(books.get("publishedAt").asString()).isNotBlank();

        JsonNode handball = article(feedId, "alwafd-1003");
        assertThat(handball.get("image").get("url").asString()).isEqualTo("https://alwafd.example/images/handball.jpg");
        assertThat(handball.get("byline").asString()).contains("قسم الرياضة");
        assertThat(handball.get("publishedAt").asString()).startsWith("2026-");

        // readers see them: the content API serves each by its slug
        Api.Result published = api.get(Api.articlePath(wheat.get("slug").asString()));
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("source").get("name").asString()).isEqualTo("بوابة الوفد");

        JsonNode health = editor.get(feedsPath(sourceId) + "/" + feedId).json().get("health");
        assertThat(health.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(health.get("lastError").isNull()).isTrue();
        assertThat(health.get("itemsSeen").asLong()).isEqualTo(3);
        assertThat(health.get("itemsCreated").asLong()).isEqualTo(3);
        assertThat(health.get("lastPolledAt").isNull()).isFalse();
    }

    @Test
    void atomRss1AndJsonFeedAreReadToo() {
        String sourceId = source("نوفوستي");
        server.serve("/atom.xml", FeedServer.feed("application/atom+xml", () -> file("atom-novosti.xml")));
        server.serve("/rss1.rdf", FeedServer.feed("application/rdf+xml", () -> file("rss1-ahram.rdf")));
        server.serve("/feed.json", FeedServer.feed("application/feed+json", () -> file("jsonfeed-masrawy.json")));

        String atom = pausedFeed(sourceId, Map.of("url", server.url("/atom.xml")));
        assertThat(pollNow(sourceId, atom).get("created").asInt()).isEqualTo(2);
        JsonNode energy = article(atom, "tag:novosti.example,2026:5001");
        assertThat(energy.get("headline").asString()).isEqualTo("روسيا والصين توقعان اتفاقية للتعاون في مجال الطاقة");
        assertThat(energy.get("bodyHtml").asString()).contains("<p>وتشمل الاتفاقية إمدادات الغاز لعشرين عاما.</p>");
        assertThat(energy.get("byline").asString()).isEqualTo("أليكسي بتروف");
        assertThat(energy.get("publishedAt").asString()).isEqualTo("2026-12-03T07:15:00Z");
        assertThat(energy.get("sourceUrl").asString()).isEqualTo("https://novosti.example/ar/5001");
        assertThat(energy.get("language").asString()).isEqualTo("ar");
        assertThat(tagNames(energy)).containsExactly("طاقة");
        JsonNode satellite = article(atom, "tag:novosti.example,2026:5002");
        assertThat(satellite.get("bodyHtml").asString()).contains("أطلقت وكالة الفضاء قمرا صناعيا جديدا");
        assertThat(satellite.get("publishedAt").asString()).isEqualTo("2026-12-03T06:00:00Z");

        String rss1 = pausedFeed(sourceId, Map.of("url", server.url("/rss1.rdf")));
        assertThat(pollNow(sourceId, rss1).get("created").asInt()).isEqualTo(2);
        JsonNode rates = article(rss1, "https://ahram.example/news/71");
        assertThat(rates.get("headline").asString()).isEqualTo("البنك المركزي يثبت أسعار الفائدة للمرة الثالثة");
        assertThat(rates.get("byline").asString()).isEqualTo("سارة حسن");
        assertThat(rates.get("publishedAt").asString()).isEqualTo("2026-12-02T16:00:00Z");
        assertThat(rates.get("bodyHtml").asString()).contains("<p>قررت لجنة السياسة النقدية");

        String json = pausedFeed(sourceId, Map.of("url", server.url("/feed.json")));
        JsonNode report = pollNow(sourceId, json);
        assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(2);
        JsonNode metro = article(json, "masrawy-9001");
        assertThat(metro.get("headline").asString()).isEqualTo("تشغيل المرحلة الرابعة من مترو الأنفاق في القاهرة");
        assertThat(metro.get("image").get("url").asString()).isEqualTo("https://masrawy.example/img/metro.jpg");
        assertThat(metro.get("byline").asString()).isEqualTo("أحمد سمير");
        assertThat(tagNames(metro)).containsExactly("نقل");
        JsonNode plain = article(json, "masrawy-9002");
        assertThat(plain.get("bodyHtml").asString()).contains("<p>بدأت وزارة التعليم تطبيق نظام جديد للامتحانات.</p>");
    }

    @Test
    void theSameItemAgainWritesNothingAndAChangedItemIsARevisionThatKeepsTheEditorsUnpublishing() {
        String sourceId = source("بوابة الوفد");
        AtomicReference<String> document = new AtomicReference<>(file("rss2-alwafd.xml"));
        server.serve("/plain.xml", FeedServer.plain(RSS, document::get)); // no validators: every poll reads the whole feed
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/plain.xml")));
        assertThat(pollNow(sourceId, feedId).get("created").asInt()).isEqualTo(3);
        long articles = count("articles");
        long revisions = count("article_revisions");
        long audit = count("audit_log");

        JsonNode again = pollNow(sourceId, feedId);
        assertThat(again.get("status").asString()).isEqualTo("OK");
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(count("articles")).isEqualTo(articles);
        assertThat(count("article_revisions")).isEqualTo(revisions);
        assertThat(count("audit_log")).isEqualTo(audit);

        // the editor takes one story off the site; the publisher then corrects it
        JsonNode books = article(feedId, "alwafd-1002");
        String booksId = books.get("id").asString();
        assertThat(editor.post("/api/admin/articles/" + booksId + "/unpublish", null, "If-Match", "\"" + books.get("version").asLong() + "\"")
                .status()).isEqualTo(200);
        document.set(file("rss2-alwafd.xml").replace("بمشاركة ستين دولة", "بمشاركة سبعين دولة")
                .replace("ناشرون من ستين دولة", "ناشرون من سبعين دولة"));
        JsonNode corrected = pollNow(sourceId, feedId);
        assertThat(corrected.get("updated").asInt()).isEqualTo(1);
        assertThat(corrected.get("unchanged").asInt()).isEqualTo(2);
        JsonNode after = article(feedId, "alwafd-1002");
        assertThat(after.get("headline").asString()).contains("سبعين دولة");
        assertThat(after.get("status").asString()).isEqualTo("UNPUBLISHED");
        assertThat(after.get("id").asString()).isEqualTo(booksId);
        assertThat(editor.get("/api/admin/articles/" + booksId + "/revisions").json().get("items").size()).isGreaterThanOrEqualTo(2);
        assertThat(count("articles")).isEqualTo(articles);
        assertThat(editor.get(feedsPath(sourceId) + "/" + feedId).json().get("health").get("itemsUpdated").asLong()).isEqualTo(1);

        // an item twice in one document is one article, counted as a duplicate
        document.set(file("rss2-alwafd.xml").replace("</channel>", item("alwafd-1001", "نسخة ثانية من الخبر نفسه") + "</channel>"));
        JsonNode twice = pollNow(sourceId, feedId);
        assertThat(twice.get("duplicates").asInt()).isEqualTo(1);
        assertThat(count("articles")).isEqualTo(articles);
    }

    @Test
    void draftFeedsLeaveTheirStoriesForAnEditorAndReadersSeeNothing() {
        String sourceId = source("بوابة الوفد");
        server.serve("/rss.xml", FeedServer.feed(RSS, () -> file("rss2-alwafd.xml")));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/rss.xml"), "mode", "DRAFT"));
        assertThat(pollNow(sourceId, feedId).get("created").asInt()).isEqualTo(3);
        JsonNode wheat = article(feedId, "alwafd-1001");
        assertThat(wheat.get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.get(Api.articlePath(wheat.get("slug").asString())).status()).isEqualTo(404);
        assertThat(api.get("/api/content/articles").json().get("items")).isEmpty();
    }

    @Test
    void conditionalGetsMakeAnUnchangedFeedA304ThatIsNotParsed() {
        String sourceId = source("بوابة الوفد");
        server.serve("/rss.xml", FeedServer.feed(RSS, () -> file("rss2-alwafd.xml")));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/rss.xml")));
        pollNow(sourceId, feedId);
        JsonNode again = pollNow(sourceId, feedId);
        assertThat(again.get("status").asString()).isEqualTo("NOT_MODIFIED");
        assertThat(again.get("httpStatus").asInt()).isEqualTo(304);
        List<FeedServer.Request> requests = server.requests("/rss.xml");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).ifNoneMatch()).isNull();
        assertThat(requests.get(1).ifNoneMatch()).startsWith("\"");
        assertThat(requests.get(1).ifModifiedSince()).isEqualTo("Thu, 03 Dec 2026 10:00:00 GMT");
        JsonNode health = editor.get(feedsPath(sourceId) + "/" + feedId).json().get("health");
        assertThat(health.get("lastStatus").asInt()).isEqualTo(304);
        assertThat(health.get("itemsSeen").asLong()).as("a 304 reads no items").isEqualTo(3);
    }

    @Test
    void gzipIsAccepted() {
        String sourceId = source("بوابة الوفد");
        server.serve("/rss.xml.gz", FeedServer.gzip(RSS, () -> file("rss2-alwafd.xml")));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/rss.xml.gz")));
        JsonNode report = pollNow(sourceId, feedId);
        assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(3);
        assertThat(server.requests("/rss.xml.gz").get(0).acceptEncoding()).contains("gzip");
    }

    @Test
    void redirectsAreFollowedUpToThreeAndAPermanentOneMovesTheFeed() {
        String sourceId = source("بوابة الوفد");
        server.serve("/rss.xml", FeedServer.feed(RSS, () -> file("rss2-alwafd.xml")));
        server.serve("/old.xml", FeedServer.redirect(301, "/rss.xml"));
        server.serve("/today.xml", FeedServer.redirect(302, server.url("/rss.xml")));
        String moved = pausedFeed(sourceId, Map.of("url", server.url("/old.xml")));
        assertThat(pollNow(sourceId, moved).get("created").asInt()).isEqualTo(3);
        assertThat(editor.get(feedsPath(sourceId) + "/" + moved).json().get("url").asString()).isEqualTo(server.url("/rss.xml"));

        String temporary = pausedFeed(sourceId, Map.of("url", server.url("/today.xml")));
        assertThat(pollNow(sourceId, temporary).get("status").asString()).isEqualTo("OK");
        assertThat(editor.get(feedsPath(sourceId) + "/" + temporary).json().get("url").asString()).isEqualTo(server.url("/today.xml"));

        server.serve("/r1", FeedServer.redirect(302, "/r2")).serve("/r2", FeedServer.redirect(302, "/r3"))
                .serve("/r3", FeedServer.redirect(302, "/r4")).serve("/r4", FeedServer.redirect(302, "/rss.xml"));
        String loop = pausedFeed(sourceId, Map.of("url", server.url("/r1")));
        JsonNode tooMany = pollNow(sourceId, loop);
        assertThat(tooMany.get("status").asString()).isEqualTo("FAILED");
        assertThat(tooMany.get("errors").get(0).asString()).contains("More than 3 redirects");
        assertThat(server.requests("/r4")).hasSize(1);
    }

    @Test
    void aMalformedFeedFailsItsPollWithTheReasonAndBacksOff() {
        String sourceId = source("موقع معطوب");
        server.serve("/broken.xml", FeedServer.feed(RSS, () -> file("malformed.xml")));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/broken.xml"), "pollInterval", "PT1M"));
        JsonNode report = pollNow(sourceId, feedId);
        assertThat(report.get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("errors").get(0).asString()).startsWith("The feed could not be read as RSS, Atom or JSON Feed");
        assertThat(count("articles")).isZero();
        JsonNode feed = editor.get(feedsPath(sourceId) + "/" + feedId).json();
        assertThat(feed.get("health").get("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(feed.get("health").get("lastError").asString()).contains("could not be read");
        pollNow(sourceId, feedId);
        // the second failure in a row waits 4 × the interval (the first waited 2 ×)
        Long wait = jdbc.queryForObject("SELECT extract(epoch FROM next_poll_at - last_polled_at)::bigint FROM source_feeds WHERE id = ?::uuid",
                Long.class, feedId);
        assertThat(wait).isEqualTo(240);
    }

    /**
     * An older Arabic publisher's feed: windows-1256, no XML declaration, the charset only in the HTTP
     * header (which RFC 7303 and every feed reader let win). It was read as UTF-8 and published with a
     * headline of replacement characters and the slug "article".
     */
    @Test
    void aWindows1256FeedWithItsCharsetOnlyInTheHttpHeaderIsReadInThatCharset() {
        String sourceId = source("الأهرام القديم");
        String rss = "<rss version=\"2.0\"><channel><title>الأهرام</title><language>ar</language>"
                + item("ahram-1256", "وزير الخارجية يلتقي نظيره الأردني في عمّان") + "</channel></rss>";
        server.serve("/cp1256.xml", FeedServer.bytes("application/rss+xml; charset=windows-1256", rss.getBytes(Charset.forName("windows-1256"))));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/cp1256.xml")));

        JsonNode report = pollNow(sourceId, feedId);
        assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("warnings").toString()).doesNotContain("U+FFFD").doesNotContain("charset");
        JsonNode article = article(feedId, "ahram-1256");
        assertThat(article.get("headline").asString()).isEqualTo("وزير الخارجية يلتقي نظيره الأردني في عمّان");
        assertThat(article.get("slug").asString()).isEqualTo("وزير-الخارجية-يلتقي-نظيره-الأردني-في-عمان");
        assertThat(article.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.get(Api.articlePath(article.get("slug").asString())).json().get("headline").asString())
                .isEqualTo("وزير الخارجية يلتقي نظيره الأردني في عمّان");
    }

    /** With no charset named anywhere and bytes that are not UTF-8, the bytes tell windows-1256 from ISO-8859-6. */
    @Test
    void aFeedNamingNoCharsetIsSniffedAsWindows1256OrIso88596() {
        String sourceId = source("صحف قديمة");
        String headline = "البنك المركزي يثبت أسعار الفائدة في القاهرة";
        String rss = "<rss version=\"2.0\"><channel><title>أرشيف</title>" + item("old-1", headline) + "</channel></rss>";
        for (String charset : List.of("windows-1256", "ISO-8859-6")) {
            server.serve("/" + charset, FeedServer.bytes("application/rss+xml", rss.getBytes(Charset.forName(charset))));
            String feedId = pausedFeed(sourceId, Map.of("url", server.url("/" + charset)));
            JsonNode report = pollNow(sourceId, feedId);
            assertThat(report.get("created").asInt()).as(charset + ": " + report).isEqualTo(1);
            assertThat(report.get("warnings").toString()).contains("read as " + charset);
            assertThat(article(feedId, "old-1").get("headline").asString()).as(charset).isEqualTo(headline);
        }
        // the XML declaration is read when the header names no charset
        String declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?>" + rss.replace("old-1", "old-2");
        server.serve("/declared.xml", FeedServer.bytes("text/xml", declared.getBytes(Charset.forName("ISO-8859-6"))));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/declared.xml")));
        assertThat(pollNow(sourceId, feedId).get("warnings").toString()).doesNotContain("charset").doesNotContain("read as");
        assertThat(article(feedId, "old-2").get("headline").asString()).isEqualTo(headline);
    }

    /** Bytes the named charset cannot decode become U+FFFD, and text holding one is never published. */
    @Test
    void anItemWithUndecodableBytesIsKeptAsADraftWithAWarning() {
        String sourceId = source("موقع مختلط الترميز");
        ByteArrayOutputStream feed = new ByteArrayOutputStream();
        feed.writeBytes(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>أخبار</title>"
                + item("mixed-1", "افتتاح معرض الكتاب الدولي في الرباط") + "<item><guid>mixed-2</guid><title>").getBytes(StandardCharsets.UTF_8));
        feed.writeBytes("انقطاع الكهرباء عن أحياء في بيروت".getBytes(Charset.forName("windows-1256"))); // pasted from an old tool
        feed.writeBytes("</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8));
        server.serve("/mixed.xml", FeedServer.bytes("application/rss+xml; charset=utf-8", feed.toByteArray()));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/mixed.xml")));

        JsonNode report = pollNow(sourceId, feedId);
        assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("warnings").toString()).contains("Some bytes are not valid UTF-8")
                .contains("mixed-2: holds bytes that could not be decoded (U+FFFD); kept as a draft");
        assertThat(article(feedId, "mixed-1").get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode undecodable = article(feedId, "mixed-2");
        assertThat(undecodable.get("status").asString()).isEqualTo("DRAFT");
        assertThat(undecodable.get("headline").asString()).contains("\uFFFD");
        assertThat(api.get("/api/content/articles").json().get("items")).hasSize(1);
        // a background poll's report has nowhere to go: the feed's health keeps its warnings
        JsonNode health = editor.get(feedsPath(sourceId) + "/" + feedId).json().get("health");
        assertThat(health.get("lastWarnings").toString()).contains("mixed-2: holds bytes that could not be decoded");

        // the publisher's next version of a published item holding such bytes is not applied
        feed.reset();
        feed.writeBytes(("<rss version=\"2.0\"><channel><title>أخبار</title><item><guid>mixed-1</guid><title>").getBytes(StandardCharsets.UTF_8));
        feed.writeBytes("افتتاح معرض الكتاب".getBytes(Charset.forName("windows-1256")));
        feed.writeBytes("</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8));
        server.serve("/mixed.xml", FeedServer.bytes("application/rss+xml; charset=utf-8", feed.toByteArray()));
        JsonNode update = pollNow(sourceId, feedId);
        assertThat(update.get("updated").asInt()).as(update.toString()).isZero();
        assertThat(update.get("warnings").toString()).contains("mixed-1: holds bytes that could not be decoded (U+FFFD); the change was not applied");
        assertThat(article(feedId, "mixed-1").get("headline").asString()).isEqualTo("افتتاح معرض الكتاب الدولي في الرباط");
    }

    /**
     * A control character in one title made the whole document invalid XML, and every good item of the
     * feed was lost, poll after poll. What XML 1.0 forbids is removed first, with a warning.
     */
    @Test
    void aStrayControlCharacterCostsNoItem() {
        String sourceId = source("موقع بحرف شارد");
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>أخبار</title>"
                + item("stray-1", "ارتفاع أسعار الذهب في الأسواق المحلية")
                + item("stray-2", "منتخب\u0001 المغرب يتأهل إلى نصف النهائي")
                + item("stray-3", "هطول أمطار&#x0B; غزيرة على مدينة الإسكندرية") + "</channel></rss>";
        server.serve("/stray.xml", FeedServer.bytes(RSS, rss.getBytes(StandardCharsets.UTF_8)));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/stray.xml")));

        JsonNode report = pollNow(sourceId, feedId);
        assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("OK");
        assertThat(report.get("created").asInt()).isEqualTo(3);
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("warnings").toString()).contains("character(s) XML 1.0 forbids");
        assertThat(article(feedId, "stray-2").get("headline").asString()).isEqualTo("منتخب المغرب يتأهل إلى نصف النهائي");
        assertThat(article(feedId, "stray-3").get("headline").asString()).isEqualTo("هطول أمطار غزيرة على مدينة الإسكندرية");
        assertThat(api.get("/api/content/articles").json().get("items")).hasSize(3);
    }

    /** What many CMSs emit: their HTML escaped into the title, the description and the author. */
    @Test
    void escapedMarkupInTitlesDescriptionsAndAuthorsEndsAsPlainText() {
        String sourceId = source("بوابة تهرب الوسوم");
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>أخبار</title><item><guid>escaped-1</guid>"
                + "<title>&lt;b&gt;عاجل:&lt;/b&gt; &amp;quot;قمة&amp;quot; في الرياض</title>"
                + "<description>&lt;p&gt;ملخص &amp;amp; تفاصيل &lt;i&gt;القمة&lt;/i&gt;&lt;/p&gt;</description>"
                + "<content:encoded><![CDATA[<p>نص <b>الخبر</b> كاملا</p>]]></content:encoded>"
                + "<dc:creator>&lt;a href=&quot;https://x.example/author&quot;&gt;مراسل&amp;nbsp;الرياض&lt;/a&gt;</dc:creator>"
                + "</item></channel></rss>";
        server.serve("/escaped.xml", FeedServer.bytes(RSS, rss.getBytes(StandardCharsets.UTF_8)));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/escaped.xml")));

        JsonNode report = pollNow(sourceId, feedId);
        assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(1);
        JsonNode article = article(feedId, "escaped-1");
        assertThat(article.get("headline").asString()).isEqualTo("عاجل: \"قمة\" في الرياض");
        assertThat(article.get("excerpt").asString()).isEqualTo("ملخص & تفاصيل القمة");
        assertThat(article.get("byline").asString()).isEqualTo("مراسل الرياض");
        assertThat(article.get("bodyHtml").asString()).as("the body stays HTML").contains("<b>الخبر</b>");
        assertThat(article.get("slug").asString()).isEqualTo("عاجل-قمة-في-الرياض");
    }

    @Test
    void anXxeFeedReadsNoFileAndMakesNoRequest() {
        String sourceId = source("مصدر مريب");
        server.serve("/xxe.xml", FeedServer.feed(RSS, () -> file("xxe.xml")));
        server.serve("/xxe-probe", FeedServer.status(200));
        server.serve("/xxe-dtd", FeedServer.status(200));
        String feedId = pausedFeed(sourceId, Map.of("url", server.url("/xxe.xml")));
        JsonNode report = pollNow(sourceId, feedId);
        assertThat(report.get("status").asString()).isEqualTo("FAILED");
        assertThat(report.toString()).doesNotContain("root:");
        assertThat(server.requests("/xxe-probe")).isEmpty();
        assertThat(server.requests("/xxe-dtd")).isEmpty();
        assertThat(count("articles")).isZero();
    }

    @Test
    void slowAndOversizedFeedsAreCutOffAndDelayNoOtherFeed() throws Exception {
        String sourceId = source("بوابة الوفد");
        // 2 s read deadline in the tests; this one needs about a minute
        server.serve("/slow.xml", FeedServer.slow(() -> file("rss2-alwafd.xml"), Duration.ofMillis(100)));
        AtomicInteger endlessBytes = new AtomicInteger();
        server.serve("/endless.xml", FeedServer.endless(endlessBytes));
        String huge = file("rss2-alwafd.xml").replace("</channel>", "<!-- " + "x".repeat(6 * 1024 * 1024) + " --></channel>");
        server.serve("/huge.xml", FeedServer.plain(RSS, () -> huge));
        server.serve("/rss.xml", FeedServer.feed(RSS, () -> file("rss2-alwafd.xml")));

        String slow = pausedFeed(sourceId, Map.of("url", server.url("/slow.xml")));
        long started = System.nanoTime();
        JsonNode timedOut = pollNow(sourceId, slow);
        assertThat(timedOut.get("status").asString()).isEqualTo("FAILED");
        assertThat(timedOut.get("errors").get(0).asString()).contains("Timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));

        String hugeFeed = pausedFeed(sourceId, Map.of("url", server.url("/huge.xml")));
        JsonNode tooBig = pollNow(sourceId, hugeFeed);
        assertThat(tooBig.get("errors").get(0).asString()).contains("larger than 5 MB");

        String endless = pausedFeed(sourceId, Map.of("url", server.url("/endless.xml")));
        JsonNode cut = pollNow(sourceId, endless);
        assertThat(cut.get("status").asString()).isEqualTo("FAILED");
        assertThat(cut.get("errors").get(0).asString()).containsAnyOf("larger than 5 MB", "Timed out");
        assertThat(count("articles")).isZero();

        // in the background: the misbehaving feeds are enabled alongside a good one, which is done first
        for (String id : List.of(slow, hugeFeed, endless)) {
            jdbc.update("UPDATE source_feeds SET enabled = true, next_poll_at = now() WHERE id = ?::uuid", id);
        }
        String good = editor.post(feedsPath(sourceId), Map.of("url", server.url("/rss.xml"))).json().get("id").asString();
        await().atMost(Duration.ofSeconds(5)).until(() -> articleIds(good).size() == 3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_feeds WHERE id = ?::uuid AND last_status IS NULL", Long.class, slow))
                .as("the slow feed was still being read when the good one was done").isEqualTo(1);
    }

    @Test
    void goneDisablesAtOnceAndRepeatedFailuresDisableWithTheReason() {
        String sourceId = source("بوابة الوفد");
        server.serve("/gone.xml", FeedServer.status(410));
        server.serve("/error.xml", FeedServer.status(500));
        String gone = editor.post(feedsPath(sourceId), Map.of("url", server.url("/gone.xml"))).json().get("id").asString();
        await().atMost(WAIT).until(() -> !editor.get(feedsPath(sourceId) + "/" + gone).json().get("enabled").asBoolean());
        JsonNode feed = editor.get(feedsPath(sourceId) + "/" + gone).json();
        assertThat(feed.get("disabledReason").asString()).contains("410");
        assertThat(feed.get("health").get("lastStatus").asInt()).isEqualTo(410);
        assertThat(feed.get("health").get("nextPollAt").isNull()).isTrue();
        int requests = server.requests("/gone.xml").size();
        sleep(Duration.ofMillis(800));
        assertThat(server.requests("/gone.xml")).as("a disabled feed is not polled").hasSize(requests);

        String failing = pausedFeed(sourceId, Map.of("url", server.url("/error.xml")));
        JsonNode last = null;
        for (int i = 0; i < 10; i++) {
            last = pollNow(sourceId, failing);
        }
        assertThat(last.get("status").asString()).isEqualTo("DISABLED");
        JsonNode disabled = editor.get(feedsPath(sourceId) + "/" + failing).json();
        assertThat(disabled.get("disabledReason").asString()).isEqualTo("10 consecutive failures; the last: The feed's server answered 500");
        assertThat(disabled.get("health").get("consecutiveFailures").asInt()).isEqualTo(10);

        // re-enabled by an editor: failures cleared, polled again
        server.serve("/error.xml", FeedServer.feed(RSS, () -> file("rss2-alwafd.xml")));
        JsonNode again = editor.put(feedsPath(sourceId) + "/" + failing, Map.of("url", server.url("/error.xml"))).json();
        assertThat(again.get("enabled").asBoolean()).isTrue();
        assertThat(again.get("disabledReason").isNull()).isTrue();
        assertThat(again.get("health").get("consecutiveFailures").asInt()).isZero();
        await().atMost(WAIT).until(() -> articleIds(failing).size() == 3);
    }

    @Test
    void theBackgroundPollerTakesNewFeedsWithinSecondsAndWebhooksAnnounceTheirPublications() {
        String sourceId = source("بوابة الوفد");
        server.serve("/rss.xml", FeedServer.feed(RSS, () -> file("rss2-alwafd.xml")));
        try (io.newsroom.support.WebhookReceiver receiver = new io.newsroom.support.WebhookReceiver()) {
            api.as(adminKey).post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", List.of("article.published")));
            String feedId = editor.post(feedsPath(sourceId), Map.of("url", server.url("/rss.xml"))).json().get("id").asString();
            await().atMost(WAIT).until(() -> articleIds(feedId).size() == 3);
            await().atMost(WAIT).until(() -> receiver.received().size() >= 3);
            List<String> announced = receiver.received().stream().map(r -> json.readTree(r.body()).get("article").get("id").asString()).toList();
            assertThat(announced).containsExactlyInAnyOrderElementsOf(articleIds(feedId).stream().map(UUID::toString).toList());
            assertThat(receiver.received()).allSatisfy(r -> assertThat(r.event()).isEqualTo("article.published"));
        }
        // the next background poll is a 304
        await().atMost(WAIT).until(() -> server.requests("/rss.xml").size() >= 1);
    }

    @Autowired
    FeedPoller poller;

    @Autowired
    FeedProperties feedProperties;

    /**
     * A stop (an instance shutting down, a test context paused) while a round is claiming feeds: the
     * round's polls are refused by the stopped pool. Once started again the poller must have all its
     * slots, or each such stop would leave it polling fewer feeds at once, and in the end none.
     */
    @Test
    void aPollerStoppedWhileClaimingFeedsHasEverySlotOnceStartedAgain() throws Exception {
        int slots = feedProperties.concurrency();
        String sourceId = source("بوابة الوفد");
        server.serve("/held.xml", FeedServer.delayed(Duration.ofMillis(1500), FeedServer.feed(RSS, () -> file("rss2-alwafd.xml"))));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            ids.add(pausedFeed(sourceId, Map.of("url", server.url("/held.xml?n=" + i))));
        }
        ExecutorService claimer = Executors.newSingleThreadExecutor();
        try (Connection blocker = jdbc.getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE source_feeds IN ACCESS EXCLUSIVE MODE");
            try (PreparedStatement due = blocker.prepareStatement(
                    "UPDATE source_feeds SET enabled = true, next_poll_at = now() WHERE id = ANY (?::uuid[])")) {
                due.setArray(1, blocker.createArrayOf("text", ids.toArray()));
                due.executeUpdate();
            }
            Future<?> round = claimer.submit(poller::pollDue);
            await().atMost(WAIT).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%source_feeds%'", Long.class) > 0);
            poller.stop();
            blocker.commit();
            round.get(WAIT.toSeconds(), TimeUnit.SECONDS); // the refused polls end the round quietly
        } finally {
            poller.start();
            claimer.shutdownNow();
        }
        // the claims made by the refused round run out; then every feed is due at once
        jdbc.update("UPDATE source_feeds SET claimed_until = NULL WHERE id = ANY (?::uuid[])", (Object) ids.toArray(new String[0]));
        await().atMost(WAIT).until(() -> server.requests("/held.xml").size() >= slots);
        assertThat(server.mostAtOnce("/held.xml")).as("feeds polled at once after the restart").isEqualTo(slots);
    }

    @Test
    void twoInstancesPollEachFeedOneAtATimeAndEachItemBecomesOneArticle() {
        String sourceId = source("بوابة الوفد");
        int feeds = 12;
        int items = 20;
        List<String> paths = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            String path = "/generated-" + f + ".xml";
            String document = generatedFeed(f, items);
            server.serve(path, FeedServer.delayed(Duration.ofMillis(150), FeedServer.feed(RSS, () -> document)));
            paths.add(path);
        }
        try (SecondInstance other = SecondInstance.start()) {
            for (String path : paths) {
                Api.Result created = editor.post(feedsPath(sourceId), Map.of("url", server.url(path), "pollInterval", "PT1S"));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count("ingested_documents") == feeds * items);
            // a few more rounds, each a conditional GET answered 304, with both instances looking for due feeds
            await().atMost(Duration.ofSeconds(30)).until(() -> paths.stream().allMatch(p -> server.requests(p).size() >= 3));
        }
        assertThat(count("articles")).isEqualTo(feeds * items);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT article_id) FROM ingested_documents", Long.class)).isEqualTo(feeds * items);
        for (String path : paths) {
            assertThat(server.mostAtOnce(path)).as(path + " was polled by one instance at a time").isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT sum(items_created) FROM source_feeds", Long.class)).isEqualTo(feeds * items);
    }

    @Test
    void withoutTheSettingFeedsOnPrivateAddressesAreRefusedAtSaveAndAtPoll() {
        String sourceId = source("بوابة الوفد");
        server.serve("/rss.xml", FeedServer.feed(RSS, () -> file("rss2-alwafd.xml")));
        try (SecondInstance guarded = SecondInstance.start("--newsroom.feeds.allow-private-targets=false")) {
            Api other = new Api(guarded.port(), json).as(editorKey);
            for (String url : List.of(server.url("/rss.xml"), "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/feed",
                    "http://[::1]/feed", "http://localhost/feed")) {
                Api.Result refused = other.post(feedsPath(sourceId), Map.of("url", url));
                assertThat(refused.status()).as(url + " → " + refused).isEqualTo(400);
            }
            // one saved while allowed (through the first instance), then polled by the guarded one: refused, never requested
            String feedId = pausedFeed(sourceId, Map.of("url", server.url("/rss.xml")));
            Api.Result polled = other.post(feedsPath(sourceId) + "/" + feedId + "/poll", null);
            assertThat(polled.status()).as(polled.toString()).isEqualTo(200);
            assertThat(polled.json().get("status").asString()).isEqualTo("FAILED");
            assertThat(server.requests("/rss.xml")).isEmpty();
        }
    }

    // ------------------------------------------------------------------

    /** A feed of {@code items} distinct Arabic stories. */
    static String generatedFeed(int feed, int items) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>مولد</title>");
        java.util.Random random = new java.util.Random(feed);
        for (int i = 0; i < items; i++) {
            String headline = String.join(" ", words(random, 9)) + " " + feed + "-" + i;
            rss.append("<item><guid>g-").append(feed).append('-').append(i).append("</guid><title>").append(headline)
                    .append("</title><description>").append(String.join(" ", words(random, 60))).append("</description></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    private static final String[] VOCABULARY = ("مجلس وزير حكومة برلمان مدينة قرية مصنع مدرسة جامعة مستشفى طريق جسر نهر بحر جبل سوق "
            + "شركة بنك عملة قمح قطن نفط غاز كهرباء مياه مطر حريق زلزال فيضان مباراة منتخب نادي لاعب مدرب كأس بطولة فيلم مسرح "
            + "كتاب معرض مهرجان شاعر رسام مطرب طبيب مريض دواء لقاح قطار طائرة ميناء مطار سفينة شاحنة سيارة حافلة محكمة قاضي "
            + "محامي شرطة جيش حدود سفير قمة اتفاقية مفاوضات انتخابات استفتاء ضريبة ميزانية قرض استثمار تصدير استيراد").split(" ");

    private static List<String> words(java.util.Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return words;
    }


    String source(String name) {
        Api.Result created = api.as(adminKey).post("/api/admin/sources", Map.of("name", name, "url", "https://" + Math.abs(name.hashCode()) + ".example/"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static String feedsPath(String sourceId) {
        return "/api/admin/sources/" + sourceId + "/feeds";
    }

    /** A feed the background poller leaves alone (disabled), so that the test's "poll now" is the only poll. */
    String pausedFeed(String sourceId, Map<String, Object> settings) {
        Map<String, Object> paused = new HashMap<>(settings);
        paused.put("enabled", false);
        Api.Result created = editor.post(feedsPath(sourceId), paused);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    JsonNode pollNow(String sourceId, String feedId) {
        Api.Result polled = editor.post(feedsPath(sourceId) + "/" + feedId + "/poll", null);
        assertThat(polled.status()).as(polled.toString()).isEqualTo(200);
        return polled.json();
    }

    List<UUID> articleIds(String feedId) {
        return jdbc.queryForList("SELECT article_id FROM ingested_documents WHERE uri LIKE ? ORDER BY uri", UUID.class, "feed:" + feedId + ":%");
    }

    JsonNode article(String feedId, String key) {
        UUID id = jdbc.queryForObject("SELECT article_id FROM ingested_documents WHERE uri = ?", UUID.class, "feed:" + feedId + ":" + key);
        Api.Result article = editor.get("/api/admin/articles/" + id);
        assertThat(article.status()).isEqualTo(200);
        return article.json();
    }

    static List<String> tagNames(JsonNode article) {
        List<String> names = new ArrayList<>();
        article.get("tags").forEach(tag -> names.add(tag.get("name").asString()));
        return names;
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    String file(String name) {
        try (InputStream in = SourceFeedsIT.class.getResourceAsStream("/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", server.url(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first item's content:encoded, as the feed carries it. */
    String rawContent() {
        String feed = file("rss2-alwafd.xml");
        return feed.substring(feed.indexOf("<![CDATA[") + 9, feed.indexOf("]]>"));
    }

    static String item(String guid, String title) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title><description>" + title + "</description></item>";
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
