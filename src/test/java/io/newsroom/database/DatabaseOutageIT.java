package io.newsroom.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.OwnDatabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away for 15 seconds under a running service and comes back: on a PostgreSQL of
 * this test's own, which it stops and starts. Readiness goes DOWN at once, requests that need the
 * database fail fast with 503, readers keep getting what the response cache holds (marked stale),
 * and after the restart everything works again without restarting the service.
 */
class DatabaseOutageIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);
    private static final String KEY = "outage-test-admin-key-0123456789";
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void theSiteStaysReadableThroughADatabaseOutageAndRecoversWithoutARestart() throws Exception {
        OwnDatabase database = OwnDatabase.create();
        Map<String, Long> timings = new LinkedHashMap<>();
        try (ConfigurableApplicationContext service = database.service("--newsroom.admin-key=" + KEY,
                "--newsroom.cache.response-cache=true")) { // as in production (the tests' default is off)
            int port = OwnDatabase.port(service);
            JsonMapper json = JsonMapper.builder().build();
            Api readers = new Api(port, json);
            Api editor = readers.as(KEY);
            String id = ArticleFixtures.publishedId(editor, "خبر يبقى مقروءا أثناء انقطاع قاعدة البيانات", "إيران");
            String slug = editor.get("/api/admin/articles/" + id).json().get("slug").asString();
            String article = "/api/content/articles/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            Thread.sleep(1000); // the publication's change notification empties the cache when it arrives: let it arrive first
            for (int i = 0; i < 3; i++) { // stored on the second request, served from memory on the third
                assertThat(readers.get(article).status()).isEqualTo(200);
                assertThat(readers.get("/feeds/rss.xml").status()).isEqualTo(200);
            }
            assertThat(readers.get("/actuator/health/readiness").status()).isEqualTo(200);

            long stopped = System.nanoTime();
            database.stop();
            timings.put("stop took", millisSince(stopped));
            long down = System.nanoTime();
            Api.Result readiness = waitFor(() -> readers.get("/actuator/health/readiness"), r -> r.status() == 503, Duration.ofSeconds(10));
            timings.put("readiness DOWN after", millisSince(down));
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(timings.get("readiness DOWN after")).as("readiness DOWN within 2 s").isLessThan(2000);
            assertThat(readers.get("/actuator/health/liveness").status()).as("liveness stays UP").isEqualTo(200);

            long adminStart = System.nanoTime();
            Api.Result admin = editor.get("/api/admin/articles");
            timings.put("admin request answered in", millisSince(adminStart));
            assertThat(admin.status()).as(admin.toString()).isEqualTo(503);
            assertThat(admin.header("Content-Type")).startsWith("application/problem+json");
            assertThat(admin.header("Retry-After")).isEqualTo("5");
            assertThat(admin.header("Cache-Control")).as("no cache keeps an outage's answer").isEqualTo("no-store");
            assertThat(timings.get("admin request answered in")).as("fails fast").isLessThan(2000);

            long uncachedStart = System.nanoTime();
            Api.Result uncached = readers.get("/api/content/search?q=" + "%D8%A5%D9%8A%D8%B1%D8%A7%D9%86");
            timings.put("uncached public request answered in", millisSince(uncachedStart));
            assertThat(uncached.status()).as(uncached.toString()).isEqualTo(503);
            assertThat(uncached.header("Retry-After")).isEqualTo("5");
            assertThat(uncached.header("Cache-Control")).isEqualTo("no-store");
            // a token of the links' own form, so that its lookup asks the database: one without the prefix is
            // refused unread (PreviewLinks.resolve), and was answered 404 in one full run, 503 in the others
            Api.Result preview = readers.get("/api/content/preview/pv_" + "a".repeat(43));
            assertThat(preview.status()).as(preview.toString()).isEqualTo(503);
            assertThat(preview.header("Cache-Control")).contains("no-store");
            assertThat(timings.get("uncached public request answered in")).isLessThan(2000);

            long staleStart = System.nanoTime();
            Api.Result stale = readers.get(article);
            timings.put("cached article answered in", millisSince(staleStart));
            assertThat(stale.status()).as(stale.toString()).isEqualTo(200);
            assertThat(stale.json().get("headline").asString()).isEqualTo("خبر يبقى مقروءا أثناء انقطاع قاعدة البيانات");
            assertThat(stale.header("X-Newsroom-Stale")).isEqualTo("database-unavailable");
            assertThat(stale.header("Warning")).startsWith("110");
            assertThat(stale.header("Age")).isNotNull();
            assertThat(stale.header("Cache-Control")).contains("stale-if-error=");
            assertThat(readers.get("/feeds/rss.xml").header("X-Newsroom-Stale")).isEqualTo("database-unavailable");
            assertThat(readers.get(article, "If-None-Match", stale.header("ETag")).status()).as("revalidation answered from the copy").isEqualTo(304);

            Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - stopped).toMillis()));
            long restarted = System.nanoTime();
            database.start();
            timings.put("database start took", millisSince(restarted));
            waitFor(() -> readers.get("/actuator/health/readiness"), r -> r.status() == 200, Duration.ofSeconds(30));
            timings.put("readiness UP after restart", millisSince(restarted));
            assertThat(readers.get(article).header("X-Newsroom-Stale")).isNull();

            String etag = editor.get("/api/admin/articles/" + id).header("ETag");
            Map<String, Object> changed = ArticleFixtures.article("عنوان جديد بعد عودة قاعدة البيانات", "إيران");
            Api.Result edit = editor.put("/api/admin/articles/" + id, changed, "If-Match", etag);
            assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
            long edited = System.nanoTime();
            waitFor(() -> readers.get(article), r -> r.body().contains("عنوان جديد بعد عودة قاعدة البيانات"), Duration.ofSeconds(5));
            timings.put("change visible to readers after", millisSince(edited));
            assertThat(timings.get("change visible to readers after")).as("a change after recovery shows within 1 s").isLessThan(1000);
            assertThat(editor.get("/api/admin/articles").status()).isEqualTo(200);
        } finally {
            database.close();
            log.info("Database outage timings (ms): {}", timings);
            System.out.println("Database outage timings (ms): " + timings);
        }
    }

    private static Api.Result waitFor(java.util.function.Supplier<Api.Result> request, Predicate<Api.Result> done, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Api.Result last = request.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = request.get();
        }
        return last;
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
