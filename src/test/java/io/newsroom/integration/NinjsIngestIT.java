package io.newsroom.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.actor.Role;
import io.newsroom.security.ApiKeyService;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.WebhookReceiver;
import io.newsroom.support.WebhookReceiver.Received;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** POST /api/admin/ingest/ninjs end to end: mapping, idempotency by uri, versions, status, validation, events. */
class NinjsIngestIT extends IntegrationTest {

    private static final String URI = "urn:newsml:sputnik:2026:iran-russia-plan";

    @Autowired
    ApiKeyService keys;

    @Test
    void aNinjs2DocumentBecomesAPublishedArticleWithEverythingMapped() {
        Api.Result created = ingest(document(URI, "2026-11-29T06:00:00Z", "خطة عمل مشتركة بين إيران وروسيا"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("outcome").asString()).isEqualTo("created");
        assertThat(created.json().get("status").asString()).isEqualTo("PUBLISHED");
        String id = created.json().get("articleId").asString();
        assertThat(created.header("Location")).endsWith("/api/admin/articles/" + id);

        JsonNode article = api.as(editorKey).get("/api/admin/articles/" + id).json();
        assertThat(article.get("headline").asString()).isEqualTo("خطة عمل مشتركة بين إيران وروسيا");
        assertThat(article.get("subheadline").asString()).isEqualTo("موسكو وطهران توقعان");
        assertThat(article.get("excerpt").asString()).isEqualTo("ملخص الخبر");
        assertThat(article.get("byline").asString()).isEqualTo("مراسل نوفوستي");
        assertThat(article.get("language").asString()).isEqualTo("ar");
        assertThat(article.get("direction").asString()).isEqualTo("rtl");
        assertThat(article.get("bodyHtml").asString()).contains("<p>نص الخبر</p>").doesNotContain("script").doesNotContain("onclick");
        assertThat(article.get("tags").findValuesAsString("name")).containsExactly("إيران", "روسيا", "خطة عمل مشتركة");
        assertThat(article.get("source").get("name").asString()).isEqualTo("نوفوستي");
        assertThat(article.get("image").get("url").asString()).isEqualTo("https://images.example.org/putin-pezeshkian.jpg");
        assertThat(article.get("image").get("caption").asString()).isEqualTo("بوتين وبزشكيان");
        assertThat(article.get("image").get("credit").asString()).isEqualTo("سبوتنيك");
        assertThat(Instant.parse(article.get("publishedAt").asString())).isEqualTo(Instant.parse("2026-11-29T05:30:00Z"));

        // Readers see it; the source was created once, by name.
        assertThat(api.get("/api/content/articles/" + article.get("slug").asString()).status()).isEqualTo(200);
        assertThat(ingest(document("urn:other", "2026-11-29T06:00:00Z", "خبر آخر من نوفوستى")).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sources", Long.class)).isEqualTo(1);
    }

    @Test
    void theSameDocumentTwiceIsOneArticle() {
        Map<String, Object> document = document(URI, "2026-11-29T06:00:00Z", "Iran and Russia sign a plan");
        String id = ingest(document).json().get("articleId").asString();
        Api.Result again = ingest(document);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("unchanged");
        assertThat(again.json().get("articleId").asString()).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Long.class)).isEqualTo(1);
        assertThat(api.as(editorKey).get("/api/admin/articles/" + id + "/revisions").json().get("items")).hasSize(1);
    }

    @Test
    void aNewerVersionUpdatesWithARevisionAndAnOlderOneIsIgnored() {
        String id = ingest(document(URI, "2026-11-29T06:00:00Z", "First version")).json().get("articleId").asString();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiver, List.of("article.updated", "article.published"));
            Api.Result newer = ingest(document(URI, "2026-11-29T07:00:00Z", "Second version"));
            assertThat(newer.status()).isEqualTo(200);
            assertThat(newer.json().get("outcome").asString()).isEqualTo("updated");
            assertThat(newer.json().get("articleId").asString()).isEqualTo(id);
            List<Received> received = receiver.await(Duration.ofSeconds(10), r -> r.size() == 1);
            assertThat(received.get(0).event()).isEqualTo("article.updated");

            Api.Result older = ingest(document(URI, "2026-11-29T05:00:00Z", "A late copy of an old version"));
            assertThat(older.status()).isEqualTo(200);
            assertThat(older.json().get("outcome").asString()).isEqualTo("stale");
            assertThat(older.json().get("warnings").get(0).asString()).contains("older");
            WebhooksIT.sleep(Duration.ofMillis(500));
            assertThat(receiver.received()).hasSize(1);
        }
        JsonNode article = api.as(editorKey).get("/api/admin/articles/" + id).json();
        assertThat(article.get("headline").asString()).isEqualTo("Second version");
        JsonNode revisions = api.as(editorKey).get("/api/admin/articles/" + id + "/revisions").json().get("items");
        assertThat(revisions).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Long.class)).isEqualTo(1);
    }

    @Test
    void ingestingAUsableStoryAnnouncesItsPublicationOnce() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiver, List.of("article.published", "article.updated"));
            ingest(document(URI, "2026-11-29T06:00:00Z", "Wire story"));
            ingest(document(URI, "2026-11-29T06:00:00Z", "Wire story"));
            List<Received> received = receiver.await(Duration.ofSeconds(10), r -> r.size() == 1);
            WebhooksIT.sleep(Duration.ofMillis(500));
            assertThat(receiver.received()).hasSize(1);
            assertThat(received.get(0).event()).isEqualTo("article.published");
        }
    }

    @Test
    void withheldAndCanceledTakeAStoryOffTheSite() {
        String id = ingest(document(URI, "2026-11-29T06:00:00Z", "Story to be withdrawn")).json().get("articleId").asString();
        Map<String, Object> withheld = document(URI, "2026-11-29T07:00:00Z", "Story to be withdrawn");
        withheld.put("pubstatus", "withheld");
        Api.Result result = ingest(withheld);
        assertThat(result.json().get("status").asString()).isEqualTo("UNPUBLISHED");
        assertThat(api.get("/api/content/articles").json().get("items")).isEmpty();

        Map<String, Object> usable = document(URI, "2026-11-29T08:00:00Z", "Story to be withdrawn");
        assertThat(ingest(usable).json().get("status").asString()).isEqualTo("PUBLISHED");
        Map<String, Object> canceled = document(URI, "2026-11-29T09:00:00Z", "Story to be withdrawn");
        canceled.put("pubstatus", "canceled");
        assertThat(ingest(canceled).json().get("status").asString()).isEqualTo("UNPUBLISHED");
        assertThat(api.as(editorKey).get("/api/admin/articles/" + id).json().get("status").asString()).isEqualTo("UNPUBLISHED");
    }

    @Test
    void anEmbargoedStoryIsScheduledForItsEmbargo() {
        Instant embargo = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> document = document(URI, "2026-11-29T06:00:00Z", "Embargoed until the press conference");
        document.put("embargoed", embargo.toString());
        Api.Result result = ingest(document);
        assertThat(result.json().get("status").asString()).isEqualTo("SCHEDULED");
        JsonNode article = api.as(editorKey).get("/api/admin/articles/" + result.json().get("articleId").asString()).json();
        assertThat(Instant.parse(article.get("scheduledAt").asString())).isEqualTo(embargo);
        assertThat(api.get("/api/content/articles").json().get("items")).isEmpty();
    }

    @Test
    void aKeySetToIngestDraftsLeavesStoriesForEditors() {
        String draftsKey = keys.create("wire, reviewed by editors", Role.INTEGRATION, true).secret();
        Api.Result result = api.as(draftsKey).post("/api/admin/ingest/ninjs", document(URI, "2026-11-29T06:00:00Z", "Needs an editor"));
        assertThat(result.status()).isEqualTo(201);
        assertThat(result.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.get("/api/content/articles").json().get("items")).isEmpty();
        Api.Result key = api.as(adminKey).post("/api/admin/api-keys", Map.of("name", "drafts only", "role", "INTEGRATION", "ingestAsDraft", true));
        assertThat(key.json().get("ingestAsDraft").asBoolean()).isTrue();
    }

    @Test
    void readAlsoAssociationsLinkStoriesIngestedBefore() {
        String first = ingest(document("urn:first", "2026-11-29T06:00:00Z", "The earlier story")).json().get("articleId").asString();
        Map<String, Object> second = document("urn:second", "2026-11-29T07:00:00Z", "The follow-up");
        second.put("associations", List.of(
                Map.of("name", "read-also-1", "type", "text", "uri", "urn:first"),
                Map.of("name", "read-also-2", "type", "text", "uri", "urn:never-ingested")));
        Api.Result result = ingest(second);
        assertThat(result.status()).isEqualTo(201);
        assertThat(result.json().get("warnings").get(0).asString()).contains("urn:never-ingested");
        JsonNode related = api.as(editorKey).get("/api/admin/articles/" + result.json().get("articleId").asString()).json().get("related");
        assertThat(related.findValuesAsString("id")).containsExactly(first);
    }

    @Test
    void aNinjs1DocumentIsAcceptedToo() {
        Map<String, Object> version1 = new LinkedHashMap<>();
        version1.put("uri", "urn:ninjs1:story");
        version1.put("type", "text");
        version1.put("versioncreated", "2026-11-29T06:00:00Z");
        version1.put("headline", "A ninjs 1.x story");
        version1.put("body_html", "<p>Body of the old format</p>");
        version1.put("byline", "Wire desk");
        version1.put("language", "en");
        version1.put("subject", List.of(Map.of("name", "Energy"), Map.of("name", "Markets")));
        Api.Result result = ingest(version1);
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
        JsonNode article = api.as(editorKey).get("/api/admin/articles/" + result.json().get("articleId").asString()).json();
        assertThat(article.get("headline").asString()).isEqualTo("A ninjs 1.x story");
        assertThat(article.get("direction").asString()).isEqualTo("ltr");
        assertThat(article.get("tags").findValuesAsString("name")).containsExactly("Energy", "Markets");
        assertThat(ingest(version1).json().get("outcome").asString()).isEqualTo("unchanged");
    }

    /**
     * Wire systems built on a CMS send its HTML escaped into plain-text fields, once or twice: the
     * article holds the text a reader should see, in ninjs 2 and 1 alike.
     */
    @Test
    void escapedMarkupInHeadlinesDescriptionsAndBylinesEndsAsPlainText() {
        Map<String, Object> version2 = document(URI, "2026-11-29T06:00:00Z", "<b>عاجل:</b> &quot;قمة&quot; في الرياض");
        version2.put("headlines", List.of(Map.of("role", "main", "value", "&lt;b&gt;عاجل:&lt;/b&gt; &amp;quot;قمة&amp;quot; في الرياض"),
                Map.of("role", "sub", "value", "<i>القادة</i> يصلون")));
        version2.put("descriptions", List.of(Map.of("role", "summary", "value", "<p>ملخص &amp; تفاصيل</p>")));
        version2.put("by", "<a href=\"https://wire.example/desk\">مراسل&nbsp;نوفوستي</a>");
        Api.Result created = ingest(version2);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode article = api.as(editorKey).get("/api/admin/articles/" + created.json().get("articleId").asString()).json();
        assertThat(article.get("headline").asString()).isEqualTo("عاجل: \"قمة\" في الرياض");
        assertThat(article.get("subheadline").asString()).isEqualTo("القادة يصلون");
        assertThat(article.get("excerpt").asString()).isEqualTo("ملخص & تفاصيل");
        assertThat(article.get("byline").asString()).isEqualTo("مراسل نوفوستي");
        assertThat(article.get("bodyHtml").asString()).as("the body stays HTML").contains("<p>نص الخبر</p>");

        Map<String, Object> version1 = new LinkedHashMap<>();
        version1.put("uri", "urn:ninjs1:escaped");
        version1.put("type", "text");
        version1.put("headline", "&lt;strong&gt;عاجل&lt;/strong&gt;: &quot;هدنة&quot;");
        version1.put("description_text", "نص &lt;em&gt;مختصر&lt;/em&gt;");
        version1.put("byline", "<span class=\"author\">وكالة الأنباء</span>");
        Api.Result old = ingest(version1);
        assertThat(old.status()).as(old.toString()).isEqualTo(201);
        JsonNode oldArticle = api.as(editorKey).get("/api/admin/articles/" + old.json().get("articleId").asString()).json();
        assertThat(oldArticle.get("headline").asString()).isEqualTo("عاجل: \"هدنة\"");
        assertThat(oldArticle.get("excerpt").asString()).isEqualTo("نص مختصر");
        assertThat(oldArticle.get("byline").asString()).isEqualTo("وكالة الأنباء");
    }

    @Test
    void invalidDocumentsAreRefusedWithProblemsAndWriteNothing() {
        Map<String, Object> wrongType = document(URI, "2026-11-29T06:00:00Z", "Headline");
        wrongType.put("headlines", "not an array");
        Api.Result schema = ingest(wrongType);
        assertThat(schema.status()).isEqualTo(400);
        assertThat(schema.header("Content-Type")).startsWith("application/problem+json");
        assertThat(schema.json().get("errors").get(0).get("field").asString()).contains("headlines");

        Map<String, Object> noUri = document(URI, "2026-11-29T06:00:00Z", "Headline");
        noUri.remove("uri");
        assertThat(ingest(noUri).status()).isEqualTo(400);

        Map<String, Object> noHeadline = document(URI, "2026-11-29T06:00:00Z", "Headline");
        noHeadline.remove("headlines");
        Api.Result missing = ingest(noHeadline);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("headlines");

        Map<String, Object> badLanguage = document(URI, "2026-11-29T06:00:00Z", "Headline");
        badLanguage.put("language", "not a language tag!");
        assertThat(ingest(badLanguage).status()).isEqualTo(400);

        Api.Result longUri = ingest(document("urn:" + "x".repeat(5000), "2026-11-29T06:00:00Z", "Headline"));
        assertThat(longUri.status()).isEqualTo(400);
        assertThat(longUri.json().get("errors").get(0).get("field").asString()).isEqualTo("$.uri");
        Map<String, Object> badTime = document(URI, "yesterday", "Headline");
        assertThat(ingest(badTime).status()).isEqualTo(400);

        assertThat(api.as(integrationKey).send("POST", "/api/admin/ingest/ninjs", "application/json", "{\"uri\": ").status()).isEqualTo(400);
        assertThat(api.as(integrationKey).send("POST", "/api/admin/ingest/ninjs", "application/json", "[1, 2]").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sources", Long.class)).isZero();
    }

    @Test
    void ingestNeedsAnIntegrationEditorOrAdminKey() {
        Map<String, Object> document = document(URI, "2026-11-29T06:00:00Z", "Who may push");
        assertThat(api.post("/api/admin/ingest/ninjs", document).status()).isEqualTo(401);
        assertThat(api.as(writerKey).post("/api/admin/ingest/ninjs", document).status()).isEqualTo(403);
        assertThat(api.as(editorKey).post("/api/admin/ingest/ninjs", document).status()).isEqualTo(201);
        assertThat(api.as(adminKey).post("/api/admin/ingest/ninjs", document).status()).isEqualTo(200);
    }

    private Api.Result ingest(Map<String, Object> document) {
        return api.as(integrationKey).post("/api/admin/ingest/ninjs", document);
    }

    private void subscribe(WebhookReceiver receiver, List<String> events) {
        assertThat(api.as(adminKey).post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", events,
                "secret", "ingest-test-secret-0123456789")).status()).isEqualTo(201);
    }

    /** A ninjs 2.2 document like a wire service sends: the seed page's story, as Sputnik/Novosti would push it. */
    static Map<String, Object> document(String uri, String versionCreated, String headline) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("uri", uri);
        document.put("type", "text");
        document.put("versioncreated", versionCreated);
        document.put("firstcreated", "2026-11-29T05:30:00Z");
        document.put("pubstatus", "usable");
        document.put("language", "ar");
        document.put("headlines", List.of(Map.of("role", "main", "value", headline), Map.of("role", "sub", "value", "موسكو وطهران توقعان")));
        document.put("descriptions", List.of(Map.of("role", "summary", "value", "ملخص الخبر")));
        document.put("by", "مراسل نوفوستي");
        document.put("bodies", List.of(Map.of("role", "main", "contenttype", "text/html",
                "value", "<p>نص الخبر</p><script>alert(1)</script><p onclick=\"x()\">فقرة</p>")));
        document.put("subjects", List.of(Map.of("name", "إيران"), Map.of("name", "روسيا"), Map.of("name", "خطة عمل مشتركة")));
        document.put("infosources", List.of(Map.of("name", "نوفوستي", "uri", "https://ria.ru", "role", "source")));
        document.put("associations", List.of(Map.of("name", "featureimage", "type", "picture", "uri", "urn:picture:1",
                "descriptions", List.of(Map.of("role", "caption", "value", "بوتين وبزشكيان")), "by", "سبوتنيك",
                "renditions", List.of(Map.of("name", "web", "href", "https://images.example.org/putin-pezeshkian.jpg",
                        "contenttype", "image/jpeg")))));
        return document;
    }
}
