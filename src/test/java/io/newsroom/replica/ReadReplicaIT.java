package io.newsroom.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.OwnDatabase;
import io.newsroom.support.StreamingReplica;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real streaming replica (StreamingReplica: two PostgreSQL servers of this class's own) and two
 * service instances on it: {@code patient} tolerates 30 s of lag, {@code strict} 1 s. Readers' requests
 * read the replica, editors' the primary; a change is served only once the replica replayed it; a
 * lagging or stopped replica sends readers to the primary without an error; a scheduled article
 * appears through the replica at its time; with the primary stopped readers are served from caches
 * and writes answer 503.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIT {

    private static final String KEY = "replica-test-admin-key-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StreamingReplica pair;
    private ConfigurableApplicationContext patient;
    private ConfigurableApplicationContext strict;
    private Api readers;
    private Api editor;
    private Api strictReaders;

    @BeforeAll
    void start() throws Exception {
        pair = StreamingReplica.start();
        // as in production: the in-process response cache on (the tests' default is off)
        patient = pair.service("--newsroom.admin-key=" + KEY, "--newsroom.cache.response-cache=true", "--newsroom.read-replica.max-lag=30s");
        strict = pair.service("--newsroom.admin-key=" + KEY, "--newsroom.cache.response-cache=true", "--newsroom.read-replica.max-lag=1s");
        readers = new Api(OwnDatabase.port(patient), JSON);
        editor = readers.as(KEY);
        strictReaders = new Api(OwnDatabase.port(strict), JSON);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (strict != null) {
                strict.close();
            }
            if (patient != null) {
                patient.close();
            }
        } finally {
            if (pair != null) {
                pair.close();
            }
        }
    }

    @Test
    @Order(1)
    void readersReadTheReplicaWhileEditorsAndWritesUseThePrimary() throws Exception {
        String id = ArticleFixtures.publishedId(editor, "خبر يقرأ من النسخة المتماثلة", "اقتصاد");
        String slug = editor.get("/api/admin/articles/" + id).json().get("slug").asString();
        pair.awaitReplayed(Duration.ofSeconds(10));
        // the instance has acted on the publication (its memory of tags and articles follows the replica)
        Api.Result seen = waitFor(() -> readers.get("/api/content/articles?limit=8&tag=" + Api.encode("اقتصاد")),
                r -> r.body().contains("خبر يقرأ من النسخة المتماثلة"), Duration.ofSeconds(10));
        assertThat(seen.body()).as(seen.toString()).contains("خبر يقرأ من النسخة المتماثلة");
        double replicaReadsBefore = metric(patient, "newsroom_replica_reads_total{target=\"replica\"}");

        pair.pauseReplay();
        try {
            ArticleFixtures.rewrite(editor, id, "عنوان لم تعد النسخة المتماثلة تعرفه بعد", "اقتصاد");
            assertThat(editor.get("/api/admin/articles/" + id).json().get("headline").asString())
                    .as("the admin API reads the primary").isEqualTo("عنوان لم تعد النسخة المتماثلة تعرفه بعد");
            Api.Result list = readers.get("/api/content/articles?limit=7&tag=" + Api.encode("اقتصاد"));
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.body()).as("readers read the replica, which has not replayed the edit")
                    .contains("خبر يقرأ من النسخة المتماثلة").doesNotContain("عنوان لم تعد");
        } finally {
            pair.resumeReplay();
        }
        assertThat(metric(patient, "newsroom_replica_reads_total{target=\"replica\"}")).isGreaterThan(replicaReadsBefore);
        assertThat(metric(patient, "hikaricp_connections{pool=\"newsroom-replica\"}")).isGreaterThan(0.0);

        pair.awaitReplayed(Duration.ofSeconds(10));
        Api.Result page = waitFor(() -> readers.get(Api.articlePath(slug)), r -> r.body().contains("عنوان لم تعد"), Duration.ofSeconds(5));
        assertThat(page.status()).isEqualTo(200);
        // the by-slug read stored its rendering: a write made while answering a reader, on the primary
        assertThat(waitFor(() -> pair.onPrimary("SELECT count(*)::text FROM article_renderings WHERE article_id = '" + id + "'"),
                "1"::equals, Duration.ofSeconds(5))).isEqualTo("1");
        assertThat(readers.get("/sitemap.xml").status()).isEqualTo(200);
        assertThat(readers.get("/feeds/rss.xml").status()).isEqualTo(200);
        assertThat(readers.get("/api/content/search?q=" + Api.encode("النسخة")).status()).isEqualTo(200);
        String neighbour = ArticleFixtures.publishedId(editor, "خبر آخر عن الاقتصاد يشبهه", "اقتصاد");
        pair.awaitReplayed(Duration.ofSeconds(10));
        Api.Result similar = waitFor(() -> readers.get(Api.articlePath(slug) + "/similar"), r -> r.body().contains("يشبهه"), Duration.ofSeconds(5));
        assertThat(similar.body()).as(similar.toString()).contains("يشبهه");
        // the list stored its items' summaries: another write made while answering a reader, on the primary
        assertThat(waitFor(() -> pair.onPrimary("SELECT count(*)::text FROM article_summaries WHERE article_id = '" + neighbour + "'"),
                "1"::equals, Duration.ofSeconds(5))).isEqualTo("1");
        assertThat(readers.get("/articles/" + Api.encode(slug)).status()).isEqualTo(200);
        assertThat(pair.onReplica("SELECT count(*)::text FROM pg_stat_activity WHERE application_name = 'PostgreSQL JDBC Driver'"))
                .as("the instances hold connections to the replica").isNotEqualTo("0");
    }

    @Test
    @Order(2)
    void aChangeIsServedOnlyOnceTheReplicaHasReplayedItThenWithinASecond() throws Exception {
        String id = ArticleFixtures.publishedId(editor, "خبر قبل التصحيح", "سياسة");
        String path = Api.articlePath(editor.get("/api/admin/articles/" + id).json().get("slug").asString());
        pair.awaitReplayed(Duration.ofSeconds(10));
        waitFor(() -> readers.get(path), r -> r.status() == 200, Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThat(readers.get(path).body()).contains("خبر قبل التصحيح");
        }

        pair.pauseReplay();
        long resumed;
        try {
            ArticleFixtures.rewrite(editor, id, "خبر بعد التصحيح", "اقتصاد");
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < until) {
                Api.Result old = readers.get(path);
                assertThat(old.status()).isEqualTo(200);
                assertThat(old.body()).as("the old version until the replica replays the change").contains("خبر قبل التصحيح");
                Thread.sleep(50);
            }
        } finally {
            pair.resumeReplay();
            resumed = System.nanoTime();
        }
        waitFor(() -> readers.get(path), r -> r.body().contains("خبر بعد التصحيح"), Duration.ofSeconds(5));
        long seenAfter = Duration.ofNanos(System.nanoTime() - resumed).toMillis();
        System.out.println("Read replica: the corrected version served " + seenAfter + " ms after replay resumed");
        assertThat(seenAfter).as("the new version within 1 s of replay resuming").isLessThan(1000);
        for (int i = 0; i < 20; i++) {
            assertThat(readers.get(path).body()).as("never the old version again").contains("خبر بعد التصحيح");
            assertThat(strictReaders.get(path).body()).contains("خبر بعد التصحيح");
        }
    }

    @Test
    @Order(3)
    void aScheduledArticleAppearsAndDisappearsThroughTheReplicaAtItsTimes() throws Exception {
        String id = ArticleFixtures.createId(editor, "خبر مجدول يظهر في موعده", "مجدول");
        String path = Api.articlePath(editor.get("/api/admin/articles/" + id).json().get("slug").asString());
        Instant at = Instant.now().plusSeconds(3);
        Instant until = at.plusSeconds(3);
        Api.Result scheduled = editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", at.toString(), "unpublishAt", until.toString()));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        pair.awaitReplayed(Duration.ofSeconds(10));
        assertThat(readers.get(path).status()).as("not before its time").isEqualTo(404);
        Api.Result shown = waitFor(() -> readers.get(path), r -> r.status() == 200, Duration.ofSeconds(10));
        long late = Duration.between(at, Instant.now()).toMillis();
        assertThat(shown.status()).isEqualTo(200);
        assertThat(late).as("at its time (the replica answers a time comparison)").isBetween(0L, 1500L);
        assertThat(metric(patient, "newsroom_replica_readers")).as("read from the replica").isEqualTo(1.0);

        Api.Result hidden = waitFor(() -> readers.get(path), r -> r.status() == 404, Duration.ofSeconds(10));
        long hiddenLate = Duration.between(until, Instant.now()).toMillis();
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hiddenLate).as("hidden at its planned time").isBetween(0L, 1500L);
        assertThat(metric(patient, "newsroom_replica_readers")).isEqualTo(1.0);
    }

    @Test
    @Order(4)
    void aReplicaLaggingBeyondTheMaximumSendsReadersToThePrimaryUntilItCatchesUp() throws Exception {
        String id = ArticleFixtures.publishedId(editor, "خبر قبل تأخر النسخة", "تأخر");
        String path = Api.articlePath(editor.get("/api/admin/articles/" + id).json().get("slug").asString());
        pair.awaitReplayed(Duration.ofSeconds(10));
        waitFor(() -> strictReaders.get(path), r -> r.status() == 200, Duration.ofSeconds(5));
        double switches = metric(strict, "newsroom_replica_switches_total{to=\"primary\"}");

        pair.pauseReplay();
        try {
            ArticleFixtures.rewrite(editor, id, "خبر بعد تأخر النسخة", "اقتصاد");
            Api.Result fresh = waitFor(() -> strictReaders.get(path), r -> r.body().contains("خبر بعد تأخر النسخة"), Duration.ofSeconds(5));
            assertThat(fresh.body()).as("1 s of lag allowed: readers read the primary").contains("خبر بعد تأخر النسخة");
            assertThat(metric(strict, "newsroom_replica_readers")).isEqualTo(0.0);
            assertThat(metric(strict, "newsroom_replica_lag_seconds")).isGreaterThan(1.0);
            assertThat(metric(strict, "newsroom_replica_switches_total{to=\"primary\"}")).isGreaterThan(switches);
            assertThat(strictReaders.get("/actuator/health/readiness").status()).as("readiness stays UP").isEqualTo(200);
            assertThat(readers.get(path).body()).as("30 s of lag allowed: still the replica's version").contains("خبر قبل تأخر النسخة");
        } finally {
            pair.resumeReplay();
        }
        waitFor(() -> metricOrNaN(strict, "newsroom_replica_readers") == 1.0, Duration.ofSeconds(5));
        assertThat(metric(strict, "newsroom_replica_readers")).as("back on the replica once it caught up").isEqualTo(1.0);
        assertThat(strictReaders.get(path).body()).contains("خبر بعد تأخر النسخة");
    }

    @Test
    @Order(5)
    void aReplicaStoppedUnderLoadAndStartedAgainCostsReadersNoError() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = ArticleFixtures.publishedId(editor, "خبر تحت الضغط رقم " + i, "ضغط");
            paths.add(Api.articlePath(editor.get("/api/admin/articles/" + id).json().get("slug").asString()));
        }
        pair.awaitReplayed(Duration.ofSeconds(10));
        List<Integer> ports = List.of(OwnDatabase.port(patient), OwnDatabase.port(strict));
        AtomicBoolean hammering = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        int threads = 4;
        CyclicBarrier ready = new CyclicBarrier(threads + 1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            Thread worker = new Thread(() -> {
                HttpClient http = HttpClient.newHttpClient();
                int i = 0;
                try {
                    ready.await();
                    while (hammering.get()) {
                        i++;
                        int port = ports.get((n + i) % 2);
                        // distinct limits: lists the response cache has not seen, so they are read from the database
                        String path = switch (i % 4) {
                            case 0 -> paths.get(i % paths.size());
                            case 1 -> "/api/content/articles?limit=" + (1 + (n * 1000 + i) % 100) + "&tag=" + Api.encode("ضغط");
                            case 2 -> "/api/content/search?q=" + Api.encode("الضغط") + "&limit=" + (1 + i % 100);
                            default -> "/feeds/tags/" + Api.encode("ضغط") + "/rss.xml";
                        };
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            served.incrementAndGet();
                        } else {
                            errors.add(response.statusCode() + " " + path + " " + response.body());
                        }
                    }
                } catch (Exception e) {
                    errors.add(e.toString());
                }
            });
            worker.start();
            workers.add(worker);
        }
        ready.await();
        Thread.sleep(1000);
        pair.stopReplica();
        waitFor(() -> metricOrNaN(patient, "newsroom_replica_readers") == 0.0 && metricOrNaN(strict, "newsroom_replica_readers") == 0.0,
                Duration.ofSeconds(5));
        assertThat(metric(patient, "newsroom_replica_readers")).as("readers on the primary while the replica is down").isEqualTo(0.0);
        assertThat(readers.get("/actuator/health/readiness").status()).as("readiness stays UP").isEqualTo(200);
        Thread.sleep(2000);
        pair.startReplica();
        waitFor(() -> metricOrNaN(patient, "newsroom_replica_readers") == 1.0 && metricOrNaN(strict, "newsroom_replica_readers") == 1.0,
                Duration.ofSeconds(10));
        Thread.sleep(1000);
        hammering.set(false);
        for (Thread worker : workers) {
            worker.join(10_000);
        }
        System.out.println("Read replica stopped under load: " + served.get() + " readers' requests served, " + errors.size() + " errors");
        assertThat(errors).as("no reader saw an error").isEmpty();
        assertThat(served.get()).isGreaterThan(100);
        assertThat(metric(patient, "newsroom_replica_readers")).as("back on the replica").isEqualTo(1.0);
        assertThat(metric(strict, "newsroom_replica_readers")).isEqualTo(1.0);
    }

    @Test
    @Order(6)
    void withThePrimaryStoppedReadersAreServedFromCachesAndWritesAnswer503() throws Exception {
        String id = ArticleFixtures.publishedId(editor, "خبر يبقى مقروءا مع توقف الخادم الرئيسي", "انقطاع");
        String path = Api.articlePath(editor.get("/api/admin/articles/" + id).json().get("slug").asString());
        pair.awaitReplayed(Duration.ofSeconds(10));
        waitFor(() -> readers.get(path), r -> r.status() == 200, Duration.ofSeconds(5));
        Thread.sleep(500); // the publication's notification has emptied the cache; what is read now stays
        for (int i = 0; i < 3; i++) {
            assertThat(readers.get(path).status()).isEqualTo(200);
        }
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        pair.stopPrimary();
        try {
            waitFor(() -> readers.get("/actuator/health/readiness"), r -> r.status() == 503, Duration.ofSeconds(10));
            Api.Result cached = readers.get(path);
            assertThat(cached.status()).as(cached.toString()).isEqualTo(200);
            assertThat(cached.body()).contains("خبر يبقى مقروءا مع توقف الخادم الرئيسي");
            Api.Result write = editor.put("/api/admin/articles/" + id, ArticleFixtures.article("لن يحفظ", "انقطاع"), "If-Match", etag);
            assertThat(write.status()).as(write.toString()).isEqualTo(503);
            assertThat(write.header("Retry-After")).isEqualTo("5");
        } finally {
            pair.startPrimary();
        }
        Api.Result ready = waitFor(() -> readers.get("/actuator/health/readiness"), r -> r.status() == 200, Duration.ofSeconds(30));
        assertThat(ready.status()).isEqualTo(200);
        pair.awaitReplayed(Duration.ofSeconds(10));
        ArticleFixtures.rewrite(editor, id, "خبر بعد عودة الخادم الرئيسي", "اقتصاد");
        assertThat(waitFor(() -> readers.get(path), r -> r.body().contains("خبر بعد عودة"), Duration.ofSeconds(5)).body())
                .contains("خبر بعد عودة الخادم الرئيسي");
    }


    private static double metric(ConfigurableApplicationContext service, String series) {
        double value = metricOrNaN(service, series);
        assertThat(value).as(series).isNotNaN();
        return value;
    }

    /** A series from the instance's Prometheus page: {@code name} or {@code name{label="value"}} (other labels may be there too). */
    private static double metricOrNaN(ConfigurableApplicationContext service, String series) {
        int management = Integer.parseInt(service.getEnvironment().getProperty("local.management.port"));
        String body = new Api(management, JSON).get("/actuator/prometheus").body();
        int brace = series.indexOf('{');
        String name = brace < 0 ? series : series.substring(0, brace);
        String label = brace < 0 ? "" : series.substring(brace + 1, series.length() - 1);
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String labels = line.substring(name.length(), line.lastIndexOf(' '));
                if (labels.contains(label)) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return Double.NaN;
    }

    private static <T> T waitFor(Supplier<T> request, Predicate<T> done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = request.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            last = request.get();
        }
        return last;
    }

    private static void waitFor(Supplier<Boolean> condition, Duration limit) throws InterruptedException {
        waitFor(condition, Boolean::booleanValue, limit);
    }
}
