package io.newsroom.content.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.content.PublicArticleSummary;
import io.newsroom.content.PublicArticles;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Similar lists written from stored summary documents (migration V18): the bytes Jackson writes for
 * the list, and never a summary once anything it shows has changed. Each request first empties the
 * in-memory response cache; a stored document replaced behind the service's back by a marker tells a
 * stored answer from a made one.
 */
class StoredSummariesIT extends IntegrationTest {

    private static final String MARKER = "{\"stored\":\"marker\"}";
    private static final String TAG = "وسم القائمة";

    @Autowired
    ContentResponseCache responseCache;

    @Autowired
    PublicArticles articles;

    private Api editor;
    private String source;
    private String seed;
    private String listed;

    @BeforeEach
    void seedAndListedArticle() {
        editor = api.as(editorKey);
        source = editor.post("/api/admin/sources", Map.of("name", "بوابة الوفد")).json().get("id").asString();
        seed = ArticleFixtures.publishedId(editor, "باكستان وإيران تبرمان خطة عمل", TAG);
        Map<String, Object> body = ArticleFixtures.article("الصين تفتتح ممرا تجاريا جديدا", TAG, "تجارة");
        body.put("sourceId", source);
        listed = ArticleFixtures.create(editor, body).json().get("id").asString();
        assertThat(editor.post("/api/admin/articles/" + listed + "/publish", null).status()).isEqualTo(200);
        listedOnceTheIndexHasIt();
    }

    @Test
    void theListIsTheBytesJacksonWritesAndTheSecondIsReadFromStorage() {
        Api.Result made = similar();
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.header("Content-Type")).startsWith("application/json");
        List<PublicArticleSummary> summaries = articles.summariesByIds(List.of(UUID.fromString(listed))).stream()
                .map(PublicArticleSummary::of).toList();
        assertThat(made.body()).isEqualTo(json.writeValueAsString(Map.of("items", summaries)));
        assertThat(storedStamp()).as("stored with the article's stamp")
                .isEqualTo(jdbc.queryForObject("SELECT shown_stamp FROM articles WHERE id = ?::uuid", Long.class, listed));

        Api.Result stored = similar();
        assertThat(stored.body()).isEqualTo(made.body());
        assertThat(stored.header("ETag")).isEqualTo(made.header("ETag"));
        assertThat(api.get(path(), "If-None-Match", made.header("ETag")).status()).isEqualTo(304);
        tamper();
        assertThat(similar().json().get("items").get(0).get("stored").asString()).as("the stored document is what is written").isEqualTo("marker");
    }

    @Test
    void anEditOfTheListedArticleIsListedAtOnce() {
        tamperedAfterTheFirstList();
        String etag = editor.get("/api/admin/articles/" + listed).header("ETag");
        Map<String, Object> edited = ArticleFixtures.article("الصين تفتتح ممرا تجاريا ثانيا", TAG, "تجارة");
        edited.put("slug", jdbc.queryForObject("SELECT slug FROM articles WHERE id = ?::uuid", String.class, listed));
        edited.put("sourceId", source);
        assertThat(editor.put("/api/admin/articles/" + listed, edited, "If-Match", etag).status()).isEqualTo(200);
        assertThat(item().get("headline").asString()).isEqualTo("الصين تفتتح ممرا تجاريا ثانيا");
    }

    @Test
    void aRenamedTagOrSourceIsListedAtOnce() {
        tamperedAfterTheFirstList();
        UUID tag = jdbc.queryForObject("SELECT id FROM tags WHERE name = 'تجارة'", UUID.class);
        assertThat(editor.put("/api/admin/tags/" + tag, Map.of("name", "التجارة الدولية")).status()).isEqualTo(200);
        assertThat(item().get("tags").findValuesAsString("name")).contains("التجارة الدولية").doesNotContain("تجارة");

        tamperedAfterTheFirstList();
        assertThat(editor.put("/api/admin/sources/" + source, Map.of("name", "الوفد")).status()).isEqualTo(200);
        assertThat(item().get("source").get("name").asString()).isEqualTo("الوفد");
    }

    @Test
    void anUnpublishedArticleLeavesTheListWithItsCommitThoughItsSummaryIsStillStored() {
        tamperedAfterTheFirstList();
        assertThat(editor.post("/api/admin/articles/" + listed + "/unpublish", null).status()).isEqualTo(200);
        // the tag index may still hold it for a moment: the reading statement is what leaves it out
        assertThat(similar().json().get("items")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_summaries WHERE article_id = ?::uuid", Integer.class, listed)).isEqualTo(1);
    }

    /** A summary made from the state before a change and stored after it (the race the stamps exist for) is never written. */
    @Test
    void aSummaryOfAnEarlierStateStoredAfterAChangeIsNeverWritten() {
        similar();
        long before = storedStamp();
        String renderer = jdbc.queryForObject("SELECT renderer FROM article_summaries WHERE article_id = ?::uuid", String.class, listed);
        UUID tag = jdbc.queryForObject("SELECT id FROM tags WHERE name = 'تجارة'", UUID.class);
        assertThat(editor.put("/api/admin/tags/" + tag, Map.of("name", "اقتصاد")).status()).isEqualTo(200);
        jdbc.update("UPDATE article_summaries SET shown_stamp = ?, renderer = ?, body = ? WHERE article_id = ?::uuid",
                before, renderer, MARKER.getBytes(StandardCharsets.UTF_8), listed);
        assertThat(item().get("tags").findValuesAsString("name")).contains("اقتصاد");
    }

    @Test
    void aSummaryWrittenByOtherCodeIsMadeAnew() {
        tamperedAfterTheFirstList();
        jdbc.update("UPDATE article_summaries SET renderer = 'an older release' WHERE article_id = ?::uuid", listed);
        assertThat(item().get("headline").asString()).isEqualTo("الصين تفتتح ممرا تجاريا جديدا");
        assertThat(jdbc.queryForObject("SELECT renderer FROM article_summaries WHERE article_id = ?::uuid", String.class, listed))
                .as("stored again by this code").isNotEqualTo("an older release");
    }

    /** Lists that all find the summary missing, released at once by a barrier, make and store it side by side: all 200, one row. */
    @Test
    void listsMakingTheSameSummaryAtOnceAllSucceed() throws Exception {
        String body = similar().body();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                jdbc.update("DELETE FROM article_summaries WHERE article_id = ?::uuid", listed);
                responseCache.invalidateAll();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
                List<java.util.concurrent.Future<Api.Result>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return api.get(path());
                    }));
                }
                for (java.util.concurrent.Future<Api.Result> result : results) {
                    Api.Result answer = result.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                    assertThat(answer.body()).isEqualTo(body);
                }
                assertThat(jdbc.queryForObject("SELECT count(*) FROM article_summaries WHERE article_id = ?::uuid", Integer.class, listed))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The list made once (its summary stored), then the stored document replaced by the marker. */
    private void tamperedAfterTheFirstList() {
        assertThat(similar().status()).isEqualTo(200);
        tamper();
        assertThat(similar().json().get("items").get(0).has("stored")).isTrue();
    }

    private void tamper() {
        assertThat(jdbc.update("UPDATE article_summaries SET body = ? WHERE article_id = ?::uuid", MARKER.getBytes(StandardCharsets.UTF_8), listed))
                .isEqualTo(1);
    }

    private long storedStamp() {
        return jdbc.queryForObject("SELECT shown_stamp FROM article_summaries WHERE article_id = ?::uuid", Long.class, listed);
    }

    private JsonNode item() {
        JsonNode items = similar().json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** The listed article appears in the seed's list once this instance's tag index has applied its publication. */
    private void listedOnceTheIndexHasIt() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!similar().body().contains(listed)) {
            assertThat(System.nanoTime()).as("the listed article reaches the seed's list").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Api.Result similar() {
        responseCache.invalidateAll();
        return api.get(path());
    }

    private String path() {
        return Api.articlePath(jdbc.queryForObject("SELECT slug FROM articles WHERE id = ?::uuid", String.class, seed)) + "/similar";
    }
}
