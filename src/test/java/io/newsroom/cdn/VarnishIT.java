package io.newsroom.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.actor.Role;
import io.newsroom.security.ApiKeyService;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.DatabaseCleaner;
import io.newsroom.support.Photos;
import io.newsroom.support.SecondInstance;
import io.newsroom.support.Varnish;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end with a real cache: Debian's Varnish with vmod xkey, running the shipped
 * deploy/varnish/newsroom.vcl in front of two instances of the service, both purging it
 * (NEWSROOM_CDN_PURGE=varnish) and a recording stand-in beside it, which shows what was sent how often.
 */
class VarnishIT {

    private static final Duration FRESH_WITHIN = Duration.ofSeconds(1);

    private static SecondInstance first;
    private static SecondInstance second;
    private static Varnish varnish;
    private static CdnStandIn recorder;
    private static JdbcTemplate jdbc;
    private static Api editor;
    private static Api otherEditor;
    private static Photos photos;
    private static String photoDesk;
    private static final HttpClient readers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        recorder = new CdnStandIn();
        int varnishPort = Varnish.freePort();
        String[] settings = {"--newsroom.cdn.purge=varnish", "--newsroom.cdn.varnish.urls=http://127.0.0.1:" + varnishPort + "/," + recorder.url() + "/"};
        first = SecondInstance.start(settings);
        second = SecondInstance.start(settings);
        varnish = Varnish.onPortInFrontOf(varnishPort, first.port(), second.port());
        jdbc = first.context().getBean(JdbcTemplate.class);
        JsonMapper json = first.context().getBean(JsonMapper.class);
        DatabaseCleaner.clean(jdbc);
        editor = new Api(first.port(), json).as(first.context().getBean(ApiKeyService.class).create("editor", Role.EDITOR).secret());
        otherEditor = new Api(second.port(), json).as(first.context().getBean(ApiKeyService.class).create("editor 2", Role.EDITOR).secret());
        photos = new Photos(first.port(), json);
        photoDesk = first.context().getBean(ApiKeyService.class).create("photo desk", Role.EDITOR).secret();
    }

    @AfterAll
    static void stop() {
        if (jdbc != null) {
            DatabaseCleaner.clean(jdbc); // what the instances wrote, while they can still be asked
        }
        for (AutoCloseable running : new AutoCloseable[] {varnish, first, second, recorder}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // the others are still stopped
            }
        }
    }

    @BeforeEach
    void nothingPending() {
        awaitNoPurgePending();
        recorder.forget();
    }

    private record Read(int status, String body, String cache, String age, String contentType) {
    }

    private static Read throughVarnish(String path, String... headers) {
        return send("GET", path, headers);
    }

    private static Read send(String method, String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(varnish.url() + path)).method(method, HttpRequest.BodyPublishers.noBody());
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> response = readers.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Read(response.statusCode(), response.body(), response.headers().firstValue("X-Cache").orElse(null),
                    response.headers().firstValue("Age").orElse(null), response.headers().firstValue("Content-Type").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads through Varnish until {@code condition} holds; how long that took. */
    private static Duration until(String path, Predicate<Read> condition) {
        return until(path, condition, Duration.ofSeconds(10));
    }

    private static Duration until(String path, Predicate<Read> condition, Duration atMost) {
        long started = System.nanoTime();
        long end = started + atMost.toNanos();
        Read read = throughVarnish(path);
        while (!condition.test(read)) {
            assertThat(System.nanoTime()).as(path + " never became as expected; last: " + read).isLessThan(end);
            sleep(20);
            read = throughVarnish(path);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Read cached(String path) {
        throughVarnish(path);
        Read again = throughVarnish(path);
        assertThat(again.cache()).as(path + " is served from Varnish").isEqualTo("HIT");
        return again;
    }

    private static String slugOf(String id) {
        return jdbc.queryForObject("SELECT slug FROM articles WHERE id = ?::uuid", String.class, id);
    }

    private static void edit(Api api, String id, String headline, String... tags) {
        String etag = api.get("/api/admin/articles/" + id).header("ETag");
        Map<String, Object> body = ArticleFixtures.article(headline, tags);
        body.put("slug", slugOf(id));
        Api.Result saved = api.put("/api/admin/articles/" + id, body, "If-Match", etag);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private static int pending() {
        // not those due at a scheduled moment; those claimed (attempts counted) until they are sent
        return jdbc.queryForObject("SELECT count(*) FROM cdn_purges WHERE attempts > 0 OR due_at <= now() + interval '2 seconds'",
                Integer.class);
    }

    private static void awaitNoPurgePending() {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (pending() > 0) {
            assertThat(System.nanoTime()).as("purges still pending").isLessThan(end);
            sleep(25);
        }
    }

    @Test
    void anEditedArticleIsServedFreshByVarnishWithinASecond() {
        String id = ArticleFixtures.publishedId(editor, "First version", "economy");
        String path = Api.articlePath(slugOf(id));
        awaitNoPurgePending();
        Read hit = cached(path);
        assertThat(hit.body()).contains("First version");
        assertThat(hit.age()).isNotNull();

        edit(editor, id, "Corrected version", "economy");

        assertThat(until(path, read -> read.body().contains("Corrected version"))).isLessThan(FRESH_WITHIN);
        assertThat(cached(path).body()).contains("Corrected version").doesNotContain("First version");
    }

    @Test
    void theFrontListAndATagPageAreRefreshedByTheirKeys() {
        ArticleFixtures.publishedId(editor, "Earlier story", "economy");
        List<String> pages = List.of("/api/content/articles", "/api/content/articles?tag=economy", "/feeds/tags/economy/rss.xml", "/feeds/rss.xml");
        awaitNoPurgePending();
        pages.forEach(VarnishIT::cached);

        ArticleFixtures.publishedId(otherEditor, "Breaking story", "economy");

        for (String page : pages) {
            assertThat(until(page, read -> read.body().contains("Breaking story"))).as(page).isLessThan(FRESH_WITHIN);
        }
    }

    @Test
    void unpublishingTakesTheArticleOutOfVarnish() {
        String id = ArticleFixtures.publishedId(editor, "Published by mistake", "economy");
        String path = Api.articlePath(slugOf(id));
        awaitNoPurgePending();
        cached(path);
        cached("/api/content/articles");

        assertThat(editor.post("/api/admin/articles/" + id + "/unpublish", null).status()).isEqualTo(200);

        assertThat(until(path, read -> read.status() == 404)).isLessThan(FRESH_WITHIN);
        assertThat(until("/api/content/articles", read -> !read.body().contains("Published by mistake"))).isLessThan(FRESH_WITHIN);
    }

    @Test
    void aPurgeLostToAVarnishRestartIsRetriedAndLands() {
        String id = ArticleFixtures.publishedId(editor, "Before the restart", "economy");
        String path = Api.articlePath(slugOf(id));
        awaitNoPurgePending();
        varnish.stop();
        try {
            edit(editor, id, "During the restart", "economy");
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (jdbc.queryForObject("SELECT count(*) FROM cdn_purges WHERE attempts >= 2 AND last_error LIKE '%refused%'", Integer.class) == 0) {
                assertThat(System.nanoTime()).as("the purge was tried and failed twice").isLessThan(end);
                sleep(25);
            }
        } finally {
            varnish.start();
        }

        awaitNoPurgePending();
        assertThat(cached(path).body()).contains("During the restart");
    }

    @Test
    void onlyReadersSharedPagesAreCached() {
        String id = ArticleFixtures.publishedId(editor, "Shared with every reader", "economy");
        String path = Api.articlePath(slugOf(id));
        awaitNoPurgePending();
        String key = "Bearer " + first.context().getBean(ApiKeyService.class).create("reader with a key", Role.EDITOR).secret();

        for (String[] request : List.of(new String[] {"/api/admin/articles/" + id, "Authorization", key},
                new String[] {path, "Authorization", key}, new String[] {path, "Cookie", "session=1"},
                new String[] {"/api/content/preview/unknown-token"})) {
            String[] headers = java.util.Arrays.copyOfRange(request, 1, request.length);
            throughVarnish(request[0], headers);
            assertThat(throughVarnish(request[0], headers).cache()).as(String.join(" ", request)).isEqualTo("MISS");
        }
        Read page = cached(path);
        assertThat(page.body()).contains("Shared with every reader");
        assertThat(send("PURGE", "/").status()).as("a PURGE names its keys").isEqualTo(400);
    }

    @Test
    void photosAreKeptByVarnishOncePerFormatAndLeaveItWhenDeleted() {
        Photos.Answer uploaded = photos.upload(photoDesk, "photo.jpg", "image/jpeg", Photos.jpeg(700, 400));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String neutral = uploaded.json().get("url").asString().replaceFirst("^.*(/media/)", "$1");
        String hash = neutral.split("/")[2];
        String jpeg = neutral + ".jpg";

        assertThat(cached(jpeg).contentType()).isEqualTo("image/jpeg");
        // a URL without a format varies on Accept: browsers' many Accept strings make two copies, WebP and JPEG
        throughVarnish(neutral, "Accept", "image/avif,image/webp,image/apng,image/*,*/*;q=0.8");
        Read webp = throughVarnish(neutral, "Accept", "image/webp,*/*");
        assertThat(webp.cache()).as("another browser's Accept, the same copy").isEqualTo("HIT");
        assertThat(webp.contentType()).isEqualTo("image/webp");
        throughVarnish(neutral, "Accept", "image/jpeg,*/*");
        Read plain = throughVarnish(neutral, "Accept", "*/*");
        assertThat(plain.cache()).isEqualTo("HIT");
        assertThat(plain.contentType()).isEqualTo("image/jpeg");

        awaitNoPurgePending();
        recorder.forget();
        Photos.Answer deleted = photos.delete(photoDesk, "/api/admin/media/" + uploaded.json().get("id").asString());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        // purged at once and again after ServedRenditions.RECHECK, once no instance answers from what it sent a moment ago
        assertThat(until(jpeg, read -> read.status() == 404, Duration.ofSeconds(20))).isLessThan(Duration.ofSeconds(20));
        recorder.await(Duration.ofSeconds(20), received -> received.stream().filter(r -> r.keys("xkey-purge").contains("media-" + hash)).count() >= 2);
        sleep(500);
        assertThat(throughVarnish(jpeg).status()).isEqualTo(404);
        assertThat(throughVarnish(neutral, "Accept", "image/webp").status()).isEqualTo(404);
    }

    @Test
    void twoInstancesSendEachPurgeOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(ArticleFixtures.publishedId(i % 2 == 0 ? editor : otherEditor, "Story " + i));
        }

        awaitNoPurgePending();
        List<String> keys = recorder.received().stream().flatMap(r -> r.keys("xkey-purge").stream()).toList();
        for (String id : ids) {
            assertThat(keys.stream().filter(("article-" + id)::equals)).as("article-" + id).hasSize(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
