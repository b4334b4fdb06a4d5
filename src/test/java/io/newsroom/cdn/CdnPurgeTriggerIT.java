package io.newsroom.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which purges a change writes, in its own transaction (V29), and the keys public responses carry
 * for them. This instance has no CDN configured; a test says "an instance sends purges" by the row
 * such an instance keeps in cdn_purge_senders.
 */
class CdnPurgeTriggerIT extends IntegrationTest {

    private final UUID sender = UUID.randomUUID();

    private void aSenderIsRunning() {
        jdbc.update("INSERT INTO cdn_purge_senders (instance_id, seen_at) VALUES (?, now())", sender);
    }

    @AfterEach
    void noSender() {
        jdbc.update("DELETE FROM cdn_purge_senders WHERE instance_id = ?", sender);
    }

    private List<String> keysDueNow() {
        return jdbc.queryForList("SELECT DISTINCT purge_key FROM cdn_purges WHERE due_at <= now() ORDER BY purge_key", String.class);
    }

    private int purges() {
        return jdbc.queryForObject("SELECT count(*) FROM cdn_purges", Integer.class);
    }

    @Test
    void withoutAnInstanceSendingPurgesNothingIsWritten() {
        ArticleFixtures.publishedId(api.as(editorKey), "Nothing to purge", "economy");

        assertThat(purges()).isZero();
    }

    @Test
    void anInstanceLastHeardOfLongAgoNoLongerHasPurgesWritten() {
        jdbc.update("INSERT INTO cdn_purge_senders (instance_id, seen_at) VALUES (?, now() - interval '11 minutes')", sender);

        ArticleFixtures.publishedId(api.as(editorKey), "A sender gone", "economy");

        assertThat(purges()).isZero();
    }

    @Test
    void publishingPurgesTheArticleAndEveryListShowingIt() {
        aSenderIsRunning();

        String id = ArticleFixtures.publishedId(api.as(editorKey), "Published", "economy");

        // and the tag list, for the new tag "economy"
        assertThat(keysDueNow()).containsExactly("article-" + id, "articles", "tags");
    }

    @Test
    void aDraftsSavesPurgeNothing() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "Draft", "economy");
        aSenderIsRunning();
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");

        editor.put("/api/admin/articles/" + id, ArticleFixtures.article("Draft, second take", "economy"), "If-Match", etag);

        assertThat(purges()).isZero();
    }

    @Test
    void unpublishingPurgesTheArticleReadersSaw() {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "Soon gone", "economy");
        aSenderIsRunning();

        assertThat(api.as(editorKey).post("/api/admin/articles/" + id + "/unpublish", null).status()).isEqualTo(200);

        assertThat(keysDueNow()).containsExactly("article-" + id, "articles");
    }

    @Test
    void aScheduledArticleIsPurgedAgainTheMomentItAppears() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "Tomorrow's news", "economy");
        aSenderIsRunning();
        Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        assertThat(editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", at.toString())).status()).isEqualTo(200);

        assertThat(jdbc.queryForList("SELECT DISTINCT purge_key FROM cdn_purges WHERE due_at = ? ORDER BY purge_key", String.class,
                Timestamp.from(at))).containsExactly("article-" + id, "articles");
    }

    @Test
    void renamingATagPurgesItsPagesAndTheArticlesShowingIt() {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "Tagged", "economy");
        String tag = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'economy'", String.class);
        aSenderIsRunning();

        assertThat(api.as(editorKey).put("/api/admin/tags/" + tag, Map.of("name", "the economy")).status()).isEqualTo(200);

        assertThat(keysDueNow()).contains("tag-" + tag, "tags", "article-" + id, "articles");
    }

    @Test
    void aChangeThatFailsWritesNoPurge() {
        aSenderIsRunning();
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.publishedId(editor, "Kept as it is", "economy");
        jdbc.update("DELETE FROM cdn_purges");

        Api.Result stale = editor.put("/api/admin/articles/" + id, ArticleFixtures.article("Lost update", "economy"), "If-Match", "\"0\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(purges()).isZero();
    }

    @Test
    void publicResponsesNameTheirKeysForEveryCdn() {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "Tagged for every CDN", "economy");
        String slug = jdbc.queryForObject("SELECT slug FROM articles WHERE id = ?::uuid", String.class, id);

        Api.Result list = api.get("/api/content/articles");
        assertThat(list.header("Surrogate-Key")).isEqualTo("articles article-" + id);
        assertThat(list.header("Cache-Tag")).isEqualTo("articles,article-" + id);
        assertThat(list.header("Edge-Cache-Tag")).isEqualTo("articles,article-" + id);
        for (String path : List.of(Api.articlePath(slug), "/articles/" + Api.encode(slug), "/feeds/rss.xml", "/sitemap.xml")) {
            Api.Result response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Cache-Tag")).as(path).isEqualTo(response.header("Surrogate-Key").replace(' ', ','));
        }
    }
}
