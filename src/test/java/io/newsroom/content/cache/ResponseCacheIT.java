package io.newsroom.content.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.content.SiteProperties;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.ConditionalRequestMatrix;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The in-process response cache, with two instances of the service on one database: a change made
 * through one is visible through the other within a second, whatever each had cached.
 */
// Closed after the class: a context left in the cache would keep its scheduling job and webhook worker running
// against the shared database while other classes test them.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "newsroom.cache.response-cache=true")
class ResponseCacheIT extends IntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static SecondInstance second;
    private static int secondPort;

    @Autowired
    ContentResponseCache cache;

    private Api other;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start("--newsroom.cache.response-cache=true");
        secondPort = second.port();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void clients() {
        other = new Api(secondPort, json);
        await(() -> cache.isActive());
    }

    @Test
    void repeatedRequestsAreServedFromMemoryWithTheSameHeaders() {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "خبر مخزن");
        String slug = api.as(editorKey).get("/api/admin/articles/" + id).json().get("slug").asString();
        String path = "/api/content/articles/" + io.newsroom.content.SiteProperties.encode(slug);
        await(() -> api.get(path).status() == 200);
        Api.Result first = api.get(path);
        long entries = cache.size();
        Api.Result again = api.get(path);
        assertThat(cache.size()).isEqualTo(entries).isPositive();
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Cache-Control")).isEqualTo(first.header("Cache-Control"));
        assertThat(again.header("Surrogate-Key")).isEqualTo(first.header("Surrogate-Key"));
        assertThat(again.header("Content-Type")).startsWith("application/json");
        assertThat(api.get(path, "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        assertThat(api.get(path, "If-Modified-Since", first.header("Last-Modified")).status()).isEqualTo(304);
        assertThat(api.get(path + "?format=ninjs").header("Content-Type")).startsWith("application/ninjs+json");
        assertThat(api.get(path, "Accept", "application/ninjs+json").header("Content-Type")).startsWith("application/ninjs+json");
    }

    /** A CDN revalidating a page: the whole page is stored on the second request, and the conditions answered from it. */
    @Test
    void revalidationsAreStoredAndAnsweredFromMemory() {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "خبر يعاد التحقق منه");
        String slug = api.as(editorKey).get("/api/admin/articles/" + id).json().get("slug").asString();
        String path = "/api/content/articles/" + io.newsroom.content.SiteProperties.encode(slug);
        await(() -> api.get(path).status() == 200);
        Api.Result first = api.get(path);
        cache.invalidateAll();
        Api.Result stored = api.get(path, "If-None-Match", first.header("ETag")); // asked for before: worth storing
        assertThat(stored.status()).isEqualTo(304);
        assertThat(stored.body()).isEmpty();
        assertThat(cache.size()).as("the whole page was stored though a 304 was answered").isEqualTo(1);
        assertThat(api.get(path, "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        Api.Result changed = api.get(path, "If-None-Match", "\"another\"");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(first.body());
    }

    @Test
    void previewsAreNeverStoredWhileTheArticlePageIs() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "مسودة تعاين مع التخزين");
        String token = editor.post("/api/admin/articles/" + id + "/preview-links", Map.of()).json().get("token").asString();
        long entries = cache.size();
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/content/preview/" + token).status()).isEqualTo(200);
            assertThat(api.get("/preview/" + token).status()).isEqualTo(200);
        }
        assertThat(cache.size()).as("nothing stored").isEqualTo(entries);
        // Revoked behind the service's back (no content-change notice): a stored copy would still answer.
        jdbc.update("UPDATE preview_links SET revoked_at = now() WHERE article_id = ?::uuid", id);
        assertThat(api.get("/api/content/preview/" + token).status()).isEqualTo(404);
        assertThat(api.get("/preview/" + token).status()).isEqualTo(404);

        String published = ArticleFixtures.publishedId(editor, "صفحة مقال تخزن");
        String page = "/articles/" + io.newsroom.content.SiteProperties.encode(editor.get("/api/admin/articles/" + published).json().get("slug").asString());
        await(() -> api.get(page).status() == 200);
        long before = cache.size();
        api.get(page);
        assertThat(cache.size()).as("the article page is stored on its second request").isGreaterThan(before);
        ConditionalRequestMatrix.check(api, page);
    }

    /** Cached responses get the answers ContentCachingIT checks on computed ones. */
    @Test
    void conditionalRequestsOnCachedResponsesGetTheSameAnswers() {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "خبر مشروط");
        String slug = api.as(editorKey).get("/api/admin/articles/" + id).json().get("slug").asString();
        String path = "/api/content/articles/" + io.newsroom.content.SiteProperties.encode(slug);
        await(() -> api.get(path).status() == 200);
        long entries = cache.size();
        api.get(path);
        assertThat(cache.size()).as("stored on its second request").isGreaterThan(entries);
        ConditionalRequestMatrix.check(api, path);
        ConditionalRequestMatrix.check(api, "/api/content/articles?limit=3");
    }

    @Test
    void aResponseIsStoredOnlyOnceItsUrlIsAskedForASecondTime() {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "خبر يقرأ مرتين");
        String slug = api.as(editorKey).get("/api/admin/articles/" + id).json().get("slug").asString();
        String path = "/api/content/articles/" + io.newsroom.content.SiteProperties.encode(slug);
        await(() -> api.get(path).status() == 200);
        // The publication's change notice empties the cache whenever it arrives: a round it cut into is run again.
        for (int round = 0; round < 20; round++) {
            String url = path + "?round=" + round;
            long generation = cache.generation();
            long before = cache.size();
            int[] statuses = {api.get(url).status(), 0, 0};
            long afterFirst = cache.size();
            statuses[1] = api.get(url).status();
            long afterSecond = cache.size();
            statuses[2] = api.get(url).status();
            long afterThird = cache.size();
            if (cache.generation() == generation) {
                assertThat(statuses).containsOnly(200);
                assertThat(afterFirst).as("first request: computed, not stored").isEqualTo(before);
                assertThat(afterSecond).as("second request: stored").isEqualTo(before + 1);
                assertThat(afterThird).as("third request: served from memory").isEqualTo(before + 1);
                return;
            }
        }
        throw new AssertionError("the cache was emptied during every round");
    }

    @Test
    void publicReadsCarryTheSecurityHeadersThoughTheyNeedNoKey() {
        Api.Result list = api.get("/api/content/articles");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(list.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(api.get("/feeds/rss.xml").header("X-Content-Type-Options")).isEqualTo("nosniff");
        Api.Result head = api.send("HEAD", "/api/content/articles", null, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.send("POST", "/api/content/articles", "application/json", "{}").status()).as("only reads are public")
                .isIn(401, 403, 405);
        assertThat(api.get("/api/admin/articles").status()).as("the admin API still needs a key").isEqualTo(401);
    }

    @Test
    void aChangeOnOneInstanceShowsOnTheOtherWithinASecond() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.publishedId(editor, "العنوان الأول");
        String slug = editor.get("/api/admin/articles/" + id).json().get("slug").asString();
        String path = "/api/content/articles/" + io.newsroom.content.SiteProperties.encode(slug);
        await(() -> other.get(path).status() == 200);
        other.get(path); // now cached on the second instance
        other.get("/api/content/articles");

        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        editor.patch("/api/admin/articles/" + id, Map.of("excerpt", "ملخص محدث"), "If-Match", etag);
        Instant changed = Instant.now();
        await(() -> "ملخص محدث".equals(other.get(path).json().get("excerpt").asString()));
        assertThat(Duration.between(changed, Instant.now())).isLessThan(WITHIN);

        editor.post("/api/admin/articles/" + id + "/unpublish", null);
        Instant unpublished = Instant.now();
        await(() -> other.get(path).status() == 404 && !other.get("/api/content/articles").body().contains(id));
        assertThat(Duration.between(unpublished, Instant.now())).isLessThan(WITHIN);
    }

    /** An author renamed: every page that shows them, cached on the other instance, shows the new name (as tag renames do). */
    @Test
    void renamingAnAuthorRefreshesEveryCachedPageThatShowsThem() {
        Api editor = api.as(editorKey);
        Map<String, Object> body = new LinkedHashMap<>(ArticleFixtures.article("خبر بقلم كاتب"));
        body.put("authors", List.of("محمد علي"));
        String id = editor.post("/api/admin/articles", body).json().get("id").asString();
        editor.post("/api/admin/articles/" + id + "/publish", null);
        String slug = editor.get("/api/admin/articles/" + id).json().get("slug").asString();
        String author = editor.get("/api/admin/articles/" + id).json().get("authors").get(0).get("id").asString();
        String encoded = SiteProperties.encode("محمد-علي");
        List<String> pages = List.of("/api/content/articles/" + SiteProperties.encode(slug),
                "/api/content/articles/" + SiteProperties.encode(slug) + "?format=ninjs", "/api/content/articles",
                "/api/content/articles?author=" + encoded, "/api/content/authors", "/api/content/authors/" + encoded,
                "/feeds/authors/" + encoded + "/rss.xml", "/feeds/authors/" + encoded + "/atom.xml", "/feeds/rss.xml");
        await(() -> pages.stream().allMatch(page -> other.get(page).status() == 200));
        pages.forEach(other::get); // each now cached on the second instance

        editor.put("/api/admin/authors/" + author, Map.of("name", "محمد علي حسن", "slug", "محمد-علي"));
        await(() -> pages.stream().allMatch(page -> other.get(page).body().contains("محمد علي حسن")));
    }

    @Test
    void aScheduledArticleAppearsAtItsTimeThoughNothingWasWritten() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "خبر مجدول قريبا");
        Instant at = Instant.now().plusSeconds(2);
        editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", at.toString()));
        await(() -> !other.get("/api/content/articles").body().contains(id));
        assertThat(other.get("/api/content/articles").body()).doesNotContain(id); // cached without it
        await(() -> Instant.now().isAfter(at.plusMillis(50)));
        assertThat(other.get("/api/content/articles").body()).contains(id);
        assertThat(api.get("/api/content/articles").body()).contains(id);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition met within 10 s").isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

}
