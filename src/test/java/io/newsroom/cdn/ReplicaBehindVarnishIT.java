package io.newsroom.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.OwnDatabase;
import io.newsroom.support.StreamingReplica;
import io.newsroom.support.Varnish;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole chain at once: a streaming replica, two instances reading it and purging a real Varnish
 * in front of both. An edit and a publication are served fresh by Varnish within a second; while the
 * replica has not replayed an edit, Varnish keeps serving the version readers can read (the purge
 * waits for the replica, or Varnish would fetch the old version again from it), then the new one
 * within a second of replay resuming, and never the old one after that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaBehindVarnishIT {

    private static final String KEY = "replica-varnish-admin-key-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FRESH_WITHIN = Duration.ofSeconds(1);
    private static final HttpClient READERS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private StreamingReplica pair;
    private ConfigurableApplicationContext one;
    private ConfigurableApplicationContext two;
    private Varnish varnish;
    private Api editor;

    @BeforeAll
    void start() throws Exception {
        pair = StreamingReplica.start();
        int varnishPort = Varnish.freePort();
        String[] settings = {"--newsroom.admin-key=" + KEY, "--newsroom.cache.response-cache=true", "--newsroom.cdn.purge=varnish",
                "--newsroom.cdn.varnish.urls=http://127.0.0.1:" + varnishPort + "/"};
        one = pair.service(settings);
        two = pair.service(settings);
        varnish = Varnish.onPortInFrontOf(varnishPort, OwnDatabase.port(one), OwnDatabase.port(two));
        editor = new Api(OwnDatabase.port(one), JSON).as(KEY);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {varnish, two, one, pair}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // the others are still stopped
            }
        }
    }

    @Test
    void editsAndPublicationsReachReadersThroughTheReplicaAndVarnishWithinASecond() throws Exception {
        String id = ArticleFixtures.publishedId(editor, "الرواية الأولى للخبر", "اقتصاد");
        String path = Api.articlePath(slugOf(id));
        String front = "/api/content/articles?limit=5&tag=" + Api.encode("اقتصاد");
        pair.awaitReplayed(Duration.ofSeconds(10));
        until(path, read -> read.status() == 200 && read.body().contains("الرواية الأولى"), Duration.ofSeconds(10));
        until(front, read -> read.body().contains("الرواية الأولى"), Duration.ofSeconds(10));
        cached(path);
        cached(front);

        ArticleFixtures.rewrite(editor, id, "الرواية المصححة للخبر", "اقتصاد");
        assertThat(until(path, read -> read.body().contains("الرواية المصححة"), Duration.ofSeconds(10))).isLessThan(FRESH_WITHIN);

        ArticleFixtures.publishedId(editor, "خبر جديد في الصفحة الأولى", "اقتصاد");
        assertThat(until(front, read -> read.body().contains("خبر جديد في الصفحة الأولى"), Duration.ofSeconds(10))).isLessThan(FRESH_WITHIN);
    }

    @Test
    void whileTheReplicaLagsVarnishKeepsTheVersionReadersCanReadThenServesTheNewOneWithinASecond() throws Exception {
        String id = ArticleFixtures.publishedId(editor, "نسخة تعرفها النسخة المتماثلة", "اقتصاد");
        String path = Api.articlePath(slugOf(id));
        pair.awaitReplayed(Duration.ofSeconds(10));
        until(path, read -> read.status() == 200 && read.body().contains("نسخة تعرفها"), Duration.ofSeconds(10));
        cached(path);

        pair.pauseReplay();
        long resumed;
        try {
            ArticleFixtures.rewrite(editor, id, "نسخة لم تصل إلى النسخة المتماثلة", "اقتصاد");
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end) {
                Read read = throughVarnish(path);
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.body()).as("the version the replica holds").contains("نسخة تعرفها").doesNotContain("لم تصل");
                Thread.sleep(50);
            }
        } finally {
            pair.resumeReplay();
            resumed = System.nanoTime();
        }
        until(path, read -> read.body().contains("لم تصل"), Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - resumed)).as("new version after replay resumed").isLessThan(FRESH_WITHIN);
        long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < end) {
            assertThat(throughVarnish(path).body()).as("never the old version again").contains("لم تصل");
            Thread.sleep(50);
        }
    }

    private record Read(int status, String body, String cache) {
    }

    private Read throughVarnish(String path) {
        try {
            HttpResponse<String> response = READERS.send(HttpRequest.newBuilder(URI.create(varnish.url() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Read(response.statusCode(), response.body(), response.headers().firstValue("X-Cache").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads through Varnish until {@code condition} holds; how long that took. */
    private Duration until(String path, Predicate<Read> condition, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        Read read = throughVarnish(path);
        while (!condition.test(read)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path + " never became as expected; last: " + read).isLessThan(limit);
            Thread.sleep(20);
            read = throughVarnish(path);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void cached(String path) {
        throughVarnish(path);
        assertThat(throughVarnish(path).cache()).as(path + " is served from Varnish").isEqualTo("HIT");
    }

    private String slugOf(String id) {
        return editor.get("/api/admin/articles/" + id).json().get("slug").asString();
    }
}
