package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * If-Match end to end, with the row lock: no lost update. How the web layer reads If-Match (missing,
 * malformed, stale) and validates a merge patch: article/web/AdminArticleHeadersTest.
 */
class NoLostUpdatesIT extends IntegrationTest {

    @Test
    void updateWithoutIfMatchIs428() {
        String id = ArticleFixtures.createId(api.as(editorKey), "بلا شرط");
        Api.Result result = api.as(editorKey).put("/api/admin/articles/" + id, ArticleFixtures.article("تعديل"));
        assertThat(result.status()).isEqualTo(428);
        assertThat(api.as(editorKey).patch("/api/admin/articles/" + id, Map.of("headline", "x")).status()).isEqualTo(428);
        assertThat(api.as(editorKey).put("/api/admin/articles/" + id, ArticleFixtures.article("x"), "If-Match", "*").status()).isEqualTo(428);
    }

    @Test
    void staleIfMatchIsRejectedWith412AndTheCurrentVersion() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "نسخة قديمة");
        String stale = editor.get("/api/admin/articles/" + id).header("ETag");
        Api.Result first = editor.put("/api/admin/articles/" + id, ArticleFixtures.article("التعديل الأول"), "If-Match", stale);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(stale);

        Api.Result second = editor.put("/api/admin/articles/" + id, ArticleFixtures.article("التعديل الثاني"), "If-Match", stale);
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.json().get("currentVersion").asLong()).isEqualTo(first.json().get("version").asLong());
        assertThat(second.json().get("currentEtag").asString()).isEqualTo(first.header("ETag"));
        assertThat(editor.get("/api/admin/articles/" + id).json().get("headline").asString()).isEqualTo("التعديل الأول");
    }

    @Test
    void ofManyConcurrentUpdatesWithOneETagExactlyOneWins() throws Exception {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "سباق التعديلات");
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        int writers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String headline = "تعديل رقم " + i;
            statuses.add(pool.submit(() -> {
                start.await();
                return editor.put("/api/admin/articles/" + id, ArticleFixtures.article(headline), "If-Match", etag).status();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(s -> s == 200).hasSize(1);
        assertThat(results).filteredOn(s -> s != 200).allMatch(s -> s == 412);
        String winner = editor.get("/api/admin/articles/" + id).json().get("headline").asString();
        assertThat(winner).startsWith("تعديل رقم ");
        Integer revisions = jdbc.queryForObject("SELECT count(*) FROM article_revisions WHERE article_id = ?::uuid", Integer.class, id);
        assertThat(revisions).isEqualTo(2);
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        Api editor = api.as(editorKey);
        Map<String, Object> body = ArticleFixtures.article("العنوان الأصلي", "إيران");
        body.put("byline", "مراسلنا");
        String id = ArticleFixtures.create(editor, body).json().get("id").asString();
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        Map<String, Object> patch = new java.util.HashMap<>();
        patch.put("headline", "عنوان جديد");
        patch.put("byline", null);
        Api.Result patched = editor.patch("/api/admin/articles/" + id, patch, "If-Match", etag);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("headline").asString()).isEqualTo("عنوان جديد");
        assertThat(patched.json().get("byline").isNull()).isTrue();
        assertThat(patched.json().get("tags").findValuesAsString("name")).containsExactly("إيران");
        assertThat(patched.json().get("bodyHtml").asString()).isEqualTo("<p>العنوان الأصلي</p>");
    }
}
