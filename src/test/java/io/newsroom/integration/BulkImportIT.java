package io.newsroom.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.WebhookReceiver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/admin/ingest/bulk end to end: a report per import, bad lines named by number, good lines kept. */
class BulkImportIT extends IntegrationTest {

    @Test
    void goodLinesLandAndEachBadLineIsReportedByNumber() {
        String ninjs = json.writeValueAsString(NinjsIngestIT.document("urn:bulk:1", "2026-11-29T06:00:00Z", "قصة من الوكالة"));
        String lines = String.join("\n",
                ninjs,                                                                              // 1 created (ninjs, published)
                article("Imported and published", "PUBLISHED", "legacy:1"),                         // 2 created
                "{\"headline\": \"broken",                                                          // 3 not JSON
                "",                                                                                 // 4 blank: skipped
                "{\"headline\": \"\"}",                                                             // 5 headline blank
                "{\"headline\": \"Has a typo\", \"bodyHtmll\": \"<p>x</p>\"}",                     // 6 unknown field
                "{\"headline\": \"Unknown source\", \"sourceId\": \"" + UUID.randomUUID() + "\"}", // 7 fails in the database
                "{\"uri\": \"urn:bulk:bad\", \"headlines\": 42}",                                   // 8 not ninjs 2.2
                article("A draft from the archive", null, null),                                    // 9 created (draft)
                "[1, 2, 3]",                                                                        // 10 not an object
                ninjs) + "\n";                                                                      // 11 unchanged (same as 1)
        Api.Result result = bulk(lines);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        JsonNode report = result.json();
        assertThat(report.get("created").asLong()).isEqualTo(3);
        assertThat(report.get("updated").asLong()).isZero();
        assertThat(report.get("unchanged").asLong()).isEqualTo(1);
        assertThat(report.get("failed").asLong()).isEqualTo(6);
        assertThat(report.get("errors").findValues("line").stream().map(JsonNode::asLong).toList()).containsExactly(3L, 5L, 6L, 7L, 8L, 10L);
        Map<Long, String> details = new LinkedHashMap<>();
        report.get("errors").forEach(e -> details.put(e.get("line").asLong(), e.get("detail").asString()));
        assertThat(details.get(5L)).contains("headline");
        assertThat(details.get(6L)).contains("bodyHtmll");
        assertThat(details.get(7L)).contains("sourceId");
        assertThat(details.get(8L)).contains("headlines");
        assertThat(report.toString()).doesNotContain("Exception").doesNotContain("io.newsroom").doesNotContain("SQL");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT status FROM articles ORDER BY status", String.class)).containsExactly("DRAFT", "PUBLISHED", "PUBLISHED");
        assertThat(api.get("/api/content/articles").json().get("items")).hasSize(2);
    }

    @Test
    void importedArticlesAreWholeArticles() {
        String ninjs = json.writeValueAsString(NinjsIngestIT.document("urn:bulk:whole", "2026-11-29T06:00:00Z", "خطة عمل مشتركة بين إيران وباكستان"));
        String sameSlug = article("خطة عمل مشتركة بين إيران وباكستان", "PUBLISHED", null);
        assertThat(bulk(ninjs + "\n" + sameSlug).json().get("created").asLong()).isEqualTo(2);

        String id = jdbc.queryForObject("SELECT article_id::text FROM ingested_documents WHERE uri = 'urn:bulk:whole'", String.class);
        JsonNode article = api.as(editorKey).get("/api/admin/articles/" + id).json();
        assertThat(article.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(article.get("tags").findValuesAsString("name")).containsExactly("إيران", "روسيا", "خطة عمل مشتركة");
        assertThat(article.get("source").get("name").asString()).isEqualTo("نوفوستي");
        assertThat(article.get("bodyHtml").asString()).doesNotContain("script").doesNotContain("onclick");
        assertThat(article.get("image").get("caption").asString()).isEqualTo("بوتين وبزشكيان");
        JsonNode revisions = api.as(editorKey).get("/api/admin/articles/" + id + "/revisions").json().get("items");
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).get("change").asString()).isEqualTo("imported");
        assertThat(api.as(editorKey).get("/api/admin/audit?articleId=" + id).json().get("items").findValuesAsString("action"))
                .contains("article.imported");

        // Two stories with one headline get two slugs; both are readable and searchable.
        List<String> slugs = jdbc.queryForList("SELECT slug FROM articles ORDER BY slug", String.class);
        assertThat(slugs).containsExactly("خطة-عمل-مشتركة-بين-إيران-وباكستان", "خطة-عمل-مشتركة-بين-إيران-وباكستان-2");
        slugs.forEach(slug -> assertThat(api.get("/api/content/articles/" + slug).status()).isEqualTo(200));
        assertThat(api.get("/api/content/search?q=باكستان").json().get("items")).hasSize(2);
        assertThat(api.get("/api/content/articles?tag=" + article.get("tags").get(0).get("slug").asString()).json().get("items")).hasSize(1);
    }

    /** Escaped markup in an article line's or a ninjs line's text fields is stored as the text a reader should see. */
    @Test
    void escapedMarkupInLinesEndsAsPlainText() {
        Map<String, Object> ninjs = NinjsIngestIT.document("urn:bulk:escaped", "2026-11-29T06:00:00Z", "&lt;b&gt;عاجل:&lt;/b&gt; &amp;quot;قمة&amp;quot;");
        ninjs.put("by", "<a href=\"https://wire.example/\">مراسل الوكالة</a>");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("headline", "<b>عاجل:</b> &quot;هدنة&quot; في غزة");
        line.put("excerpt", "&lt;p&gt;ملخص &amp;amp; تفاصيل&lt;/p&gt;");
        line.put("byline", "<span>قسم الأرشيف</span>");
        line.put("bodyHtml", "<p>نص <b>الخبر</b></p>");
        line.put("externalId", "legacy:escaped");
        JsonNode report = bulk(json.writeValueAsString(ninjs) + "\n" + json.writeValueAsString(line) + "\n").json();
        assertThat(report.get("created").asLong()).as(report.toString()).isEqualTo(2);

        JsonNode wire = api.as(editorKey).get("/api/admin/articles/" + jdbc.queryForObject(
                "SELECT article_id::text FROM ingested_documents WHERE uri = 'urn:bulk:escaped'", String.class)).json();
        assertThat(wire.get("headline").asString()).isEqualTo("عاجل: \"قمة\"");
        assertThat(wire.get("byline").asString()).isEqualTo("مراسل الوكالة");
        JsonNode archived = api.as(editorKey).get("/api/admin/articles/" + jdbc.queryForObject(
                "SELECT article_id::text FROM ingested_documents WHERE uri = 'legacy:escaped'", String.class)).json();
        assertThat(archived.get("headline").asString()).isEqualTo("عاجل: \"هدنة\" في غزة");
        assertThat(archived.get("excerpt").asString()).isEqualTo("ملخص & تفاصيل");
        assertThat(archived.get("byline").asString()).isEqualTo("قسم الأرشيف");
        assertThat(archived.get("bodyHtml").asString()).as("the body stays HTML").contains("<b>الخبر</b>");
        assertThat(archived.get("slug").asString()).isEqualTo("عاجل-هدنة-في-غزة");
    }

    @Test
    void importingTheSameFileAgainUpdatesNothingAndANewerVersionUpdates() {
        String first = String.join("\n",
                json.writeValueAsString(NinjsIngestIT.document("urn:bulk:a", "2026-11-29T06:00:00Z", "Story A")),
                article("Story B", "PUBLISHED", "legacy:b"));
        assertThat(bulk(first).json().get("created").asLong()).isEqualTo(2);
        JsonNode again = bulk(first).json();
        assertThat(again.get("unchanged").asLong()).isEqualTo(2);
        assertThat(again.get("created").asLong()).isZero();

        String newer = String.join("\n",
                json.writeValueAsString(NinjsIngestIT.document("urn:bulk:a", "2026-11-29T07:00:00Z", "Story A, corrected")),
                json.writeValueAsString(NinjsIngestIT.document("urn:bulk:a", "2026-11-29T05:00:00Z", "Story A, an old copy")),
                article("Story B, corrected", "PUBLISHED", "legacy:b"));
        JsonNode report = bulk(newer).json();
        assertThat(report.get("updated").asLong()).isEqualTo(2);
        assertThat(report.get("stale").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT headline FROM articles ORDER BY headline", String.class))
                .containsExactly("Story A, corrected", "Story B, corrected");
    }

    /**
     * 1,000 lines are five chunks, written two at a time: a story's later line must still win over
     * its earlier one in the next chunk, a read-also link must find a story of the chunk before, and
     * new tags shared by every chunk must be created once, with no line failing over them.
     */
    @Test
    void chunksWrittenSideBySideKeepTheOrderOfTheFile() {
        List<String> lines = new ArrayList<>();
        for (int line = 1; line <= 1_000; line++) {
            String text = switch (line) {
                case 150 -> json.writeValueAsString(NinjsIngestIT.document("urn:bulk:repeat", "2026-11-29T06:00:00Z", "First version"));
                case 250 -> json.writeValueAsString(NinjsIngestIT.document("urn:bulk:repeat", "2026-11-29T08:00:00Z", "Second version"));
                case 160 -> article("Legacy, first edit", "PUBLISHED", "legacy:repeat");
                case 260 -> article("Legacy, last edit", "PUBLISHED", "legacy:repeat");
                case 190 -> json.writeValueAsString(NinjsIngestIT.document("urn:bulk:earlier", "2026-11-29T06:00:00Z", "The earlier story"));
                case 210 -> {
                    Map<String, Object> followUp = NinjsIngestIT.document("urn:bulk:follow-up", "2026-11-29T07:00:00Z", "The follow-up");
                    followUp.put("associations", List.of(Map.of("name", "read-also", "type", "text", "uri", "urn:bulk:earlier")));
                    yield json.writeValueAsString(followUp);
                }
                default -> json.writeValueAsString(Map.of("headline", "Line " + line, "bodyHtml", "<p>Line " + line + "</p>",
                        "status", "PUBLISHED", "tags", List.of("وسم مشترك جديد", "new tag " + line % 7)));
            };
            lines.add(text);
        }
        JsonNode report = bulk(String.join("\n", lines)).json();
        assertThat(report.get("failed").asLong()).as(report.toString()).isZero();
        assertThat(report.get("created").asLong()).isEqualTo(998);
        assertThat(report.get("updated").asLong()).isEqualTo(2);

        assertThat(jdbc.queryForObject("SELECT headline FROM articles a JOIN ingested_documents d ON d.article_id = a.id "
                + "WHERE d.uri = 'urn:bulk:repeat'", String.class)).isEqualTo("Second version");
        assertThat(jdbc.queryForObject("SELECT headline FROM articles WHERE external_id = 'legacy:repeat'", String.class))
                .isEqualTo("Legacy, last edit");
        assertThat(jdbc.queryForList("""
                SELECT e.headline FROM related_articles r JOIN articles a ON a.id = r.article_id JOIN articles e ON e.id = r.related_article_id
                WHERE a.headline = 'The follow-up'""", String.class)).containsExactly("The earlier story");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags WHERE name = 'وسم مشترك جديد'", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags WHERE name LIKE 'new tag %'", Long.class)).isEqualTo(7);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = 'وسم مشترك جديد'""", Long.class))
                .isEqualTo(994);
    }

    @Test
    void aBulkImportSendsNoWebhookPerArticle() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            api.as(adminKey).post("/api/admin/webhooks", Map.of("url", receiver.url(),
                    "events", List.of("article.published", "article.updated"), "secret", "bulk-import-test-secret"));
            JsonNode report = bulk(article("Backfilled 1", "PUBLISHED", "x:1") + "\n" + article("Backfilled 2", "PUBLISHED", "x:2")).json();
            assertThat(report.get("created").asLong()).isEqualTo(2);
            WebhooksIT.sleep(Duration.ofSeconds(1));
            assertThat(receiver.received()).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries", Long.class)).isZero();

            // The same story through the single-document endpoint is announced as usual.
            api.as(integrationKey).post("/api/admin/ingest/ninjs", NinjsIngestIT.document("urn:single", "2026-11-29T06:00:00Z", "Announced"));
            receiver.await(Duration.ofSeconds(10), r -> r.size() == 1);
        }
    }

    /**
     * 100,000 lines streamed (chunked, produced while sent: the request never exists as a whole on
     * either side). Most lines fail validation, which costs no database work, so the test stays quick;
     * every 100th line is a real article. The bulk benchmark imports 100,000 real articles.
     */
    @Test
    void oneHundredThousandLinesStreamThrough() {
        int lines = 100_000;
        Api.Result result = api.as(integrationKey).postStream("/api/admin/ingest/bulk", "application/x-ndjson", () -> generated(lines));
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        JsonNode report = result.json();
        assertThat(report.get("created").asLong()).isEqualTo(lines / 100);
        assertThat(report.get("failed").asLong()).isEqualTo(lines - lines / 100);
        assertThat(report.get("errors")).hasSize(1000);
        assertThat(report.get("errorsNotListed").asLong()).isEqualTo(lines - lines / 100 - 1000);
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Long.class)).isEqualTo(lines / 100);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles WHERE headline = 'Article at line 100000'", Long.class)).isEqualTo(1);
    }

    @Test
    void bulkImportNeedsAnIntegrationEditorOrAdminKeyAndNdjson() {
        String line = article("Who may import", null, null);
        assertThat(api.send("POST", "/api/admin/ingest/bulk", "application/x-ndjson", line).status()).isEqualTo(401);
        assertThat(api.as(writerKey).send("POST", "/api/admin/ingest/bulk", "application/x-ndjson", line).status()).isEqualTo(403);
        assertThat(api.as(editorKey).send("POST", "/api/admin/ingest/bulk", "application/x-ndjson", line).status()).isEqualTo(200);
        Api.Result wrongType = api.as(integrationKey).send("POST", "/api/admin/ingest/bulk", "text/csv", "headline\nx");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.header("Content-Type")).startsWith("application/problem+json");
    }

    private Api.Result bulk(String ndjson) {
        return api.as(integrationKey).send("POST", "/api/admin/ingest/bulk", "application/x-ndjson", ndjson);
    }

    private String article(String headline, String status, String externalId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("headline", headline);
        line.put("bodyHtml", "<p>" + headline + "</p>");
        line.put("tags", List.of("أرشيف", "archive"));
        if (status != null) {
            line.put("status", status);
        }
        if (externalId != null) {
            line.put("externalId", externalId);
        }
        return json.writeValueAsString(line);
    }

    private static InputStream generated(int lines) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            int line;

            @Override
            public boolean hasMoreElements() {
                return line < lines;
            }

            @Override
            public InputStream nextElement() {
                line++;
                String text = line % 100 == 0
                        ? "{\"headline\": \"Article at line " + line + "\", \"bodyHtml\": \"<p>Archived text</p>\", \"tags\": [\"bulk\"]}\n"
                        : "{\"headline\": \"   \", \"bodyHtml\": \"<p>A line without a headline fails validation</p>\"}\n";
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
