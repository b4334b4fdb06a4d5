package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.NinjsFixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests on one resource released together by a barrier: each ends in a defined answer (2xx, or
 * 409/412 where the outcome says why), never a 500, a lost write or a duplicate.
 */
class RacesIT extends IntegrationTest {

    private static final String A = "/api/admin/articles/";

    @Test
    void articlesCreatedAtOnceWithOneNewTagInSpellingVariantsAllSucceedAndShareIt() throws Exception {
        List<String> spellings = List.of("إيران", "ايران", "إيـران", "ایران", "إيران\u200F", "أيران");
        List<Api.Result> results = together(20, i -> api.as(editorKey).post("/api/admin/articles",
                ArticleFixtures.article("خبر متزامن " + i, spellings.get(i % spellings.size()), "وسم جديد " + (i % 3))));
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags WHERE normalized_key = 'ايران'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT tag_id) FROM article_tags t JOIN tags g ON g.id = t.tag_id"
                + " WHERE g.normalized_key = 'ايران'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_tags", Integer.class)).isEqualTo(40);
    }

    @Test
    void tenPublishesOfOneArticleWithoutIfMatchAllAnswer200AndPublishOnce() throws Exception {
        String id = ArticleFixtures.createId(api.as(editorKey), "ينشر مرة واحدة");
        List<Api.Result> results = together(10, i -> api.as(editorKey).post(A + id + "/publish", null));
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo("PUBLISHED");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'article.published'", Integer.class))
                .as("one publication, the others found it published").isOne();
        assertThat(results.stream().map(r -> r.json().get("publishedAt").asString()).distinct()).hasSize(1);
    }

    @Test
    void aLifecycleCallLosingARaceToAnotherTransitionIs409WithTheCurrentStatus() throws Exception {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "ينشر ثم يؤرشف");
        List<Api.Result> results = together(10, i -> api.as(editorKey).post(A + id + (i % 2 == 0 ? "/archive" : "/unpublish"), null));
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
        results.stream().filter(r -> r.status() == 409).forEach(r -> assertThat(r.json().get("currentStatus").asString()).isIn("ARCHIVED", "UNPUBLISHED"));
    }

    @Test
    void aLifecycleCallWithAStaleIfMatchIs412AndWithTheCurrentOneSucceeds() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "شرط على النشر");
        String etag = editor.get(A + id).header("ETag");
        editor.put(A + id, ArticleFixtures.article("عنوان معدل"), "If-Match", etag);
        Api.Result stale = editor.post(A + id + "/publish", null, "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(editor.get(A + id).json().get("status").asString()).isEqualTo("DRAFT");
        String current = editor.get(A + id).header("ETag");
        assertThat(editor.post(A + id + "/publish", null, "If-Match", current).status()).isEqualTo(200);
        assertThat(editor.delete(A + id, "If-Match", current).status()).as("the publication made a new version").isEqualTo(412);
    }

    @Test
    void twentyReadAlsoListsSentAtOnceLeaveTheLastWholeWithoutDuplicates() throws Exception {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "مقال بقائمة اقرأ أيضا");
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.add(ArticleFixtures.createId(editor, "مقال مرتبط " + i));
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lists.add(List.of(pool.get(i % 6), pool.get((i + 1) % 6), pool.get((i + 3) % 6)).subList(0, 1 + i % 3));
        }
        List<Api.Result> results = together(20, i -> editor.put(A + id + "/related", Map.of("ids", lists.get(i))));
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        List<String> stored = jdbc.queryForList("SELECT related_article_id::text FROM related_articles WHERE article_id = ?::uuid ORDER BY position",
                String.class, id);
        assertThat(lists).as("one whole list, never a merge").contains(stored);
        assertThat(jdbc.queryForList("SELECT position FROM related_articles WHERE article_id = ?::uuid ORDER BY position", Integer.class, id))
                .as("positions dense").isEqualTo(java.util.stream.IntStream.range(0, stored.size()).boxed().toList());
    }

    @Test
    void aTagMergeAgainstEditsOfItsArticlesLosesNoTag() throws Exception {
        Api editor = api.as(editorKey);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(ArticleFixtures.createId(editor, "مقال موسوم " + i, "طهران", "آسيا"));
        }
        String from = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'طهران'", String.class);
        ArticleFixtures.createId(editor, "مقال الوسم الباقي", "العاصمة الإيرانية");
        String into = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'العاصمة الإيرانية'", String.class);
        Map<String, String> etags = new LinkedHashMap<>();
        ids.forEach(id -> etags.put(id, editor.get(A + id).header("ETag")));
        List<Api.Result> results = together(9, i -> i == 8
                ? editor.post("/api/admin/tags/" + from + "/merge", Map.of("intoId", into))
                : editor.put(A + ids.get(i), ArticleFixtures.article("مقال معدل " + i, "طهران", "آسيا", "جديد " + i), "If-Match", etags.get(ids.get(i))));
        assertThat(results.get(8).status()).as(results.get(8).toString()).isEqualTo(200);
        assertThat(results.subList(0, 8)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 412, 409));
        for (String id : ids) {
            List<String> tags = editor.get(A + id).json().get("tags").findValuesAsString("name");
            assertThat(tags).as(id).contains("العاصمة الإيرانية", "آسيا").doesNotContain("طهران");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags WHERE name = 'طهران'", Integer.class)).isZero();
    }

    @Test
    void deleteAgainstPublishAndRestoreAgainstEditEndInDefinedAnswers() throws Exception {
        Api editor = api.as(editorKey);
        for (int round = 0; round < 5; round++) {
            String id = ArticleFixtures.createId(editor, "حذف ونشر " + round);
            List<Api.Result> results = together(2, i -> i == 0 ? editor.delete(A + id) : editor.post(A + id + "/publish", null));
            assertThat(results.get(0).status()).as(results.get(0).toString()).isEqualTo(204);
            assertThat(results.get(1).status()).as(results.get(1).toString()).isIn(200, 409);
            assertThat(api.get("/api/content/articles").body()).as("deleted, whichever came first").doesNotContain(id);

            String etag = editor.get(A + id).header("ETag");
            List<Api.Result> again = together(2, i -> i == 0 ? editor.post(A + id + "/restore", null)
                    : editor.patch(A + id, Map.of("headline", "معدل بعد الحذف " + id), "If-Match", etag));
            assertThat(again.get(0).status()).as(again.get(0).toString()).isEqualTo(200);
            assertThat(again.get(1).status()).as(again.get(1).toString()).isIn(200, 409, 412);
        }
    }

    @Test
    void oneDocumentIngestedOnSeveralConnectionsAtOnceIsOneArticleAndItsNewSourceAndTagsAreOne() throws Exception {
        List<Api.Result> same = together(6, i -> api.as(integrationKey).post("/api/admin/ingest/ninjs", ninjs("urn:race:one", "خبر وكالة واحد")));
        assertThat(same).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
        assertThat(same).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Integer.class)).isOne();

        List<Api.Result> many = together(10, i -> api.as(integrationKey).post("/api/admin/ingest/ninjs", ninjs("urn:race:" + i, "خبر وكالة " + i)));
        assertThat(many).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sources", Integer.class)).as("one new publisher, named by all").isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags", Integer.class)).isEqualTo(2);

        String lines = "{\"headline\": \"سطر أ\", \"tags\": [\"وسم الاستيراد\"]}\n{\"headline\": \"سطر ب\", \"tags\": [\"وسم الاستيراد\"]}\n";
        List<Api.Result> bulk = together(4, i -> api.as(integrationKey).send("POST", "/api/admin/ingest/bulk", "application/x-ndjson",
                lines.replace("سطر", "سطر " + i)));
        assertThat(bulk).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).as(r.toString()).isEqualTo(2);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags WHERE name = 'وسم الاستيراد'", Integer.class)).isOne();
    }

    @Test
    void twoArticlesOfOneLanguageLinkedToOneOriginalAtOnceLeaveOneInTheGroup() throws Exception {
        Api editor = api.as(editorKey);
        String original = ArticleFixtures.createId(editor, "الأصل");
        List<String> english = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = ArticleFixtures.article("The translation " + i);
            body.put("language", "en");
            english.add(ArticleFixtures.create(editor, body).json().get("id").asString());
        }
        List<Api.Result> results = together(2, n -> editor.put(A + english.get(n) + "/translation-of", Map.of("id", original)));
        assertThat(results).extracting(Api.Result::status).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles WHERE translation_group = ?::uuid AND language = 'en'", Long.class, original))
                .isEqualTo(1);
    }

    private static Map<String, Object> ninjs(String uri, String headline) {
        Map<String, Object> document = NinjsFixtures.story(uri, headline);
        document.put("subjects", List.of(Map.of("name", "وكالة"), Map.of("name", "سباق")));
        document.put("infosources", List.of(Map.of("name", "وكالة جديدة", "role", "source")));
        return document;
    }

    /** Runs {@code count} requests released together by a barrier; the results in request order. */
    private static List<Api.Result> together(int count, Request request) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(count);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Api.Result>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit((Callable<Api.Result>) () -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return request.send(n);
                }));
            }
            List<Api.Result> results = new ArrayList<>();
            for (Future<Api.Result> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Request {
        Api.Result send(int n);
    }
}
