package io.newsroom.content.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Articles by slug served from their stored renderings (migration V16): the same bytes and headers
 * as computed, and never once anything the page shows has changed. Each request here first empties
 * the in-memory response cache, so that it reaches the stored renderings; a stored body is replaced
 * behind the service's back by a marker, so a test can tell a stored answer from a computed one.
 */
class StoredRenderingsIT extends IntegrationTest {

    private static final byte[] MARKER = "{\"stored\":\"marker\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Autowired
    ContentResponseCache responseCache;

    @Autowired
    MeterRegistry registry;

    private Api editor;

    @BeforeEach
    void editor() {
        editor = api.as(editorKey);
    }

    @Test
    void theSecondRequestIsServedFromTheStoredRenderingWithTheComputedBytesAndHeaders() {
        String id = ArticleFixtures.publishedId(editor, "باكستان وإيران تبرمان خطة عمل", "إيران");
        String path = path(id);
        for (String accept : List.of("application/json", "application/ninjs+json")) {
            double hitsBefore = hits();
            Api.Result computed = get(path, "Accept", accept);
            assertThat(computed.status()).isEqualTo(200);
            Api.Result stored = get(path, "Accept", accept);
            assertThat(hits()).as("served from the stored rendering").isEqualTo(hitsBefore + 1);
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.body()).isEqualTo(computed.body());
            for (String header : List.of("ETag", "Last-Modified", "Cache-Control", "Surrogate-Key", "Vary", "Content-Type",
                    "Content-Length", "X-Content-Type-Options")) {
                assertThat(stored.response().headers().allValues(header)).as(accept + " " + header)
                        .isEqualTo(computed.response().headers().allValues(header));
            }
            assertThat(get(path, "Accept", accept, "If-None-Match", computed.header("ETag")).status()).isEqualTo(304);
            assertThat(get(path, "Accept", accept, "If-Modified-Since", computed.header("Last-Modified")).status()).isEqualTo(304);
            assertThat(get(path, "Accept", accept, "If-None-Match", "\"other\"").body()).isEqualTo(computed.body());
            Api.Result head = api.send("HEAD", path, null, null, "Accept", accept);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("ETag")).isEqualTo(computed.header("ETag"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_renderings WHERE article_id = ?::uuid AND json IS NOT NULL AND ninjs IS NOT NULL",
                Integer.class, id)).as("both forms kept side by side").isEqualTo(1);
        tamper(id);
        assertThat(get(path).body()).as("the stored body is what is served").isEqualTo(new String(MARKER, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Another instance of the same code (a new node, a restart) serves what this one stored, and hides it alike. */
    @Test
    void anotherInstanceServesWhatThisOneStored() {
        String id = ArticleFixtures.publishedId(editor, "خبر تخزنه نسخة وتقرؤه أخرى");
        storedAndTampered(id);
        try (io.newsroom.support.SecondInstance other = io.newsroom.support.SecondInstance.start("--newsroom.cache.response-cache=false")) {
            Api there = new Api(other.port(), json);
            assertThat(there.get(path(id)).body()).isEqualTo(new String(MARKER, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(editor.post("/api/admin/articles/" + id + "/unpublish", null).status()).isEqualTo(200);
            assertThat(there.get(path(id)).status()).as("hidden with the commit there too, with nothing heard").isEqualTo(404);
        }
    }

    @Test
    void aVariantSpellingAFormerSlugAndAQueryStringAreStillTheApplications() {
        String id = ArticleFixtures.publishedId(editor, "خطة عمل مشتركة");
        String slug = slug(id);
        get(path(id));
        tamper(id);
        Api.Result variant = get(Api.articlePath(slug.replace("ة", "ه")));
        assertThat(variant.status()).isEqualTo(301);
        assertThat(get(path(id) + "?format=ninjs").body()).contains(id);
    }

    @Test
    void anEditOfTheArticleIsServedAtOnce() {
        String id = ArticleFixtures.publishedId(editor, "عنوان أول");
        storedAndTampered(id);
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        Map<String, Object> edited = ArticleFixtures.article("عنوان ثان");
        edited.put("slug", slug(id));
        assertThat(editor.put("/api/admin/articles/" + id, edited, "If-Match", etag).status()).isEqualTo(200);
        assertThat(get(path(id)).json().get("headline").asString()).isEqualTo("عنوان ثان");
    }

    @Test
    void aRenamedTagOrSourceIsServedAtOnce() {
        String source = editor.post("/api/admin/sources", Map.of("name", "بوابة الوفد")).json().get("id").asString();
        Map<String, Object> body = ArticleFixtures.article("خبر بوسم ومصدر", "وسم قديم");
        body.put("sourceId", source);
        String id = ArticleFixtures.create(editor, body).json().get("id").asString();
        assertThat(editor.post("/api/admin/articles/" + id + "/publish", null).status()).isEqualTo(200);
        storedAndTampered(id);
        UUID tag = jdbc.queryForObject("SELECT id FROM tags WHERE name = 'وسم قديم'", UUID.class);
        assertThat(editor.put("/api/admin/tags/" + tag, Map.of("name", "وسم جديد")).status()).isEqualTo(200);
        assertThat(get(path(id)).json().get("tags").findValuesAsString("name")).containsExactly("وسم جديد");

        storedAndTampered(id);
        assertThat(editor.put("/api/admin/sources/" + source, Map.of("name", "الوفد")).status()).isEqualTo(200);
        assertThat(get(path(id)).json().get("source").get("name").asString()).isEqualTo("الوفد");
    }

    @Test
    void aReadAlsoArticleHiddenLeavesThePagesThatNameItWithTheHidingCommit() {
        String target = ArticleFixtures.publishedId(editor, "خبر مرتبط");
        Map<String, Object> body = ArticleFixtures.article("خبر يذكر غيره");
        body.put("relatedIds", List.of(target));
        String id = ArticleFixtures.create(editor, body).json().get("id").asString();
        editor.post("/api/admin/articles/" + id + "/publish", null);
        assertThat(get(path(id)).json().get("related").findValuesAsString("id")).containsExactly(target);
        storedAndTampered(id);
        assertThat(editor.post("/api/admin/articles/" + target + "/unpublish", null).status()).isEqualTo(200);
        assertThat(get(path(id)).json().get("related")).isEmpty();
    }

    @Test
    void aRenderingEndsWhenAReadAlsoArticleIsDueToAppearOrToBeUnpublished() {
        Instant soon = Instant.now().plusSeconds(3600);
        String leaving = ArticleFixtures.createId(editor, "خبر سيسحب");
        assertThat(editor.post("/api/admin/articles/" + leaving + "/publish", Map.of("unpublishAt", soon.toString())).status()).isEqualTo(200);
        String coming = ArticleFixtures.createId(editor, "خبر مجدول");
        editor.post("/api/admin/articles/" + coming + "/schedule", Map.of("at", soon.minusSeconds(60).toString()));
        Map<String, Object> body = ArticleFixtures.article("خبر يذكر المجدول");
        body.put("relatedIds", List.of(leaving, coming));
        String id = ArticleFixtures.create(editor, body).json().get("id").asString();
        editor.post("/api/admin/articles/" + id + "/publish", null);
        get(path(id));
        Instant validUntil = jdbc.queryForObject("SELECT valid_until FROM article_renderings WHERE article_id = ?::uuid", java.sql.Timestamp.class, id)
                .toInstant();
        assertThat(validUntil).as("the scheduled one's time, the earlier of the two")
                .isBetween(soon.minusSeconds(60).minusMillis(1), soon.minusSeconds(60).plusMillis(1));
        // Both times brought to the past by hand, as time itself would, without touching the naming article.
        tamper(id);
        jdbc.update("UPDATE article_renderings SET valid_until = now() - interval '1 second' WHERE article_id = ?::uuid", id);
        assertThat(get(path(id)).body()).as("a rendering past its time is not served").contains(id);
    }

    @Test
    void aTranslationOrAStoryMemberChangesThePagesThatShowIt() {
        String arabic = ArticleFixtures.publishedId(editor, "القمة العربية تبدأ أعمالها");
        Map<String, Object> en = ArticleFixtures.article("Arab summit opens");
        en.put("language", "en");
        String english = ArticleFixtures.create(editor, en).json().get("id").asString();
        editor.post("/api/admin/articles/" + english + "/publish", null);
        storedAndTampered(arabic);
        assertThat(editor.put("/api/admin/articles/" + english + "/translation-of", Map.of("id", arabic)).status()).isEqualTo(200);
        assertThat(get(path(arabic)).json().get("translations").findValuesAsString("language")).containsExactly("en");
        storedAndTampered(arabic);
        assertThat(editor.post("/api/admin/articles/" + english + "/unpublish", null).status()).isEqualTo(200);
        assertThat(get(path(arabic)).json().get("translations")).isEmpty();

        String source = editor.post("/api/admin/sources", Map.of("name", "نوفوستي")).json().get("id").asString();
        Map<String, Object> member = ArticleFixtures.article("القمة العربية تنطلق في الرياض");
        member.put("sourceId", source);
        String other = ArticleFixtures.create(editor, member).json().get("id").asString();
        editor.post("/api/admin/articles/" + other + "/publish", null);
        storedAndTampered(arabic);
        assertThat(editor.put("/api/admin/articles/" + other + "/story", Map.of("storyOf", arabic)).status()).isEqualTo(200);
        JsonNode reports = get(path(arabic)).json().get("alsoReportedBy");
        assertThat(reports.findValuesAsString("name")).containsExactly("نوفوستي");
    }

    @Test
    void anUnpublishedArticleIsGoneWithItsCommitThoughItsRenderingIsStillThere() {
        String id = ArticleFixtures.publishedId(editor, "خبر سيختفي");
        String path = path(id);
        storedAndTampered(id);
        assertThat(editor.post("/api/admin/articles/" + id + "/unpublish", null).status()).isEqualTo(200);
        assertThat(get(path).status()).isEqualTo(404);
        assertThat(get(path, "Accept", "application/ninjs+json").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_renderings WHERE article_id = ?::uuid", Integer.class, id)).isEqualTo(1);
    }

    /**
     * The race the stamps exist for: a response computed from the state before a change and stored
     * after that change committed. Such a rendering, written by hand with the stamp it was read with,
     * is never served.
     */
    @Test
    void aRenderingOfAnEarlierStateWrittenAfterAChangeIsNeverServed() {
        String id = ArticleFixtures.publishedId(editor, "خبر قبل التعديل");
        get(path(id));
        long before = jdbc.queryForObject("SELECT shown_stamp FROM articles WHERE id = ?::uuid", Long.class, id);
        String tagged = editor.get("/api/admin/articles/" + id).header("ETag");
        Map<String, Object> edited = ArticleFixtures.article("خبر بعد التعديل", "وسم مضاف");
        edited.put("slug", slug(id));
        assertThat(editor.put("/api/admin/articles/" + id, edited, "If-Match", tagged).status()).isEqualTo(200);
        long after = jdbc.queryForObject("SELECT shown_stamp FROM articles WHERE id = ?::uuid", Long.class, id);
        assertThat(after).isGreaterThan(before);
        String renderer = jdbc.queryForObject("SELECT renderer FROM article_renderings WHERE article_id = ?::uuid", String.class, id);
        jdbc.update("DELETE FROM article_renderings WHERE article_id = ?::uuid", id);
        jdbc.update("""
                INSERT INTO article_renderings (article_id, shown_stamp, renderer, last_modified, json, json_etag, json_headers)
                VALUES (?::uuid, ?, ?, now(), ?, '"stale"', 'Content-Type: application/json' || chr(10))""", id, before, renderer, MARKER);
        assertThat(get(path(id)).json().get("headline").asString()).isEqualTo("خبر بعد التعديل");
    }

    /**
     * Readers hammer an article while an editor changes its headline again and again: once each edit's
     * response has come back, no reader is served an earlier headline.
     */
    @Test
    void readersRacingEditsNeverGetAnEarlierStateOnceAnEditHasCommitted() throws Exception {
        String id = ArticleFixtures.publishedId(editor, "نسخة 0");
        String path = path(id);
        String slug = slug(id);
        int readers = 4;
        CyclicBarrier start = new CyclicBarrier(readers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            for (int r = 0; r < readers; r++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int stale = 0;
                    while (!done.get()) {
                        int known = committed.get();
                        Api.Result result = api.get(path);
                        assertThat(result.status()).isEqualTo(200);
                        int version = Integer.parseInt(result.json().get("headline").asString().substring("نسخة ".length()));
                        if (version < known) {
                            stale++;
                        }
                    }
                    return stale;
                }));
            }
            start.await();
            for (int version = 1; version <= 15; version++) {
                String etag = editor.get("/api/admin/articles/" + id).header("ETag");
                Map<String, Object> edited = ArticleFixtures.article("نسخة " + version);
                edited.put("slug", slug);
                assertThat(editor.put("/api/admin/articles/" + id, edited, "If-Match", etag).status()).isEqualTo(200);
                // what the response cache holds goes with the commit's notice, within milliseconds; emptied here so
                // that only stored renderings are judged (a response computed before this is never stored after it)
                responseCache.invalidateAll();
                committed.set(version);
                Thread.sleep(30);
            }
            done.set(true);
            for (Future<Integer> result : results) {
                assertThat(result.get()).as("answers older than a committed and heard edit").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hits()).as("some answers were stored ones").isPositive();
    }

    /**
     * Two articles naming each other as read-also, saved at the same moment: each save gives the other a
     * new stamp, so each waits for the row the other holds, and PostgreSQL ends one. That one is a 409
     * (nothing saved), never a 500; the other is saved, and readers see every saved headline.
     */
    @Test
    void savingTwoArticlesThatNameEachOtherAtOnceEndsIn200Or409() throws Exception {
        String a = ArticleFixtures.publishedId(editor, "أ 0");
        Map<String, Object> bodyOfB = ArticleFixtures.article("ب 0");
        bodyOfB.put("relatedIds", List.of(a));
        String b = ArticleFixtures.create(editor, bodyOfB).json().get("id").asString();
        editor.post("/api/admin/articles/" + b + "/publish", null);
        Map<String, Object> aNamesB = ArticleFixtures.article("أ 0");
        aNamesB.put("slug", slug(a));
        aNamesB.put("relatedIds", List.of(b));
        assertThat(editor.put("/api/admin/articles/" + a, aNamesB, "If-Match", editor.get("/api/admin/articles/" + a).header("ETag")).status())
                .isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int round = 1; round <= 6; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> saves = new ArrayList<>();
                for (String[] article : List.of(new String[] {a, "أ ", b}, new String[] {b, "ب ", a})) {
                    String id = article[0];
                    Map<String, Object> edited = ArticleFixtures.article(article[1] + round);
                    edited.put("slug", slug(id));
                    edited.put("relatedIds", List.of(article[2]));
                    String etag = editor.get("/api/admin/articles/" + id).header("ETag");
                    saves.add(pool.submit(() -> {
                        together.await();
                        return editor.put("/api/admin/articles/" + id, edited, "If-Match", etag).status();
                    }));
                }
                for (Future<Integer> save : saves) {
                    statuses.add(save.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as("each save saved, or refused to be retried").allMatch(status -> status == 200 || status == 409);
        for (String id : List.of(a, b)) {
            String saved = jdbc.queryForObject("SELECT headline FROM articles WHERE id = ?::uuid", String.class, id);
            assertThat(get(path(id)).json().get("headline").asString()).isEqualTo(saved);
            String other = id.equals(a) ? b : a;
            String otherSaved = jdbc.queryForObject("SELECT headline FROM articles WHERE id = ?::uuid", String.class, other);
            assertThat(get(path(id)).json().get("related").get(0).get("headline").asString()).isEqualTo(otherSaved);
        }
    }

    /** Rendered and stored (the first request), then its stored body replaced by the marker. */
    private void storedAndTampered(String id) {
        assertThat(get(path(id)).status()).isEqualTo(200);
        tamper(id);
        assertThat(get(path(id)).body()).isEqualTo(new String(MARKER, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void tamper(String id) {
        assertThat(jdbc.update("UPDATE article_renderings SET json = ? WHERE article_id = ?::uuid AND json IS NOT NULL", MARKER, id)).isEqualTo(1);
    }

    private Api.Result get(String path, String... headers) {
        responseCache.invalidateAll();
        return api.get(path, headers);
    }

    private double hits() {
        return registry.get("newsroom.renderings").tag("result", "hit").counter().count();
    }

    private String slug(String id) {
        return jdbc.queryForObject("SELECT slug FROM articles WHERE id = ?::uuid", String.class, id);
    }

    private String path(String id) {
        return Api.articlePath(slug(id));
    }
}
