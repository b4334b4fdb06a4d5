package io.newsroom.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsroom.cdn.CdnStandIn.Reply;
import io.newsroom.replica.ReadersCatchUp;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The purge sender against the tests' PostgreSQL and a CDN stand-in on 127.0.0.1 (its API as
 * PurgersTest checks it). Each worker here is what one instance with a CDN configured runs; the
 * service under test (no CDN configured) makes the changes.
 */
class CdnPurgeWorkerIT extends IntegrationTest {

    private final CdnStandIn cdn = new CdnStandIn();
    private final List<CdnPurgeWorker> workers = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private CdnPurgeWorker worker(ReadersCatchUp readers) {
        CdnPurgeWorker worker = new CdnPurgeWorker(jdbc, CdnSettings.http("PURGE", cdn.url() + "/"), readers,
                new CdnPurgeMetrics(jdbc, meters), json);
        workers.add(worker);
        worker.start();
        return worker;
    }

    private CdnPurgeWorker worker() {
        return worker(timeout -> true);
    }

    /** Another instance with a CDN is running: changes have their purges written. */
    private void anotherSenderIsRunning() {
        jdbc.update("INSERT INTO cdn_purge_senders (instance_id, seen_at) VALUES (?, now())", otherSender);
    }

    private final java.util.UUID otherSender = java.util.UUID.randomUUID();

    @AfterEach
    void stop() {
        workers.forEach(CdnPurgeWorker::stop);
        jdbc.update("DELETE FROM cdn_purge_senders WHERE instance_id = ?", otherSender);
        cdn.close();
    }

    private List<String> keysReceived() {
        return cdn.received().stream().flatMap(r -> r.keys("Surrogate-Key").stream()).toList();
    }

    private int pending() {
        return jdbc.queryForObject("SELECT count(*) FROM cdn_purges", Integer.class);
    }

    private void awaitNothingPending() {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pending() > 0) {
            assertThat(System.nanoTime()).as("purges still pending").isLessThan(end);
            sleep(25);
        }
    }

    @Test
    void manyChangesGoOutInOneCallWithoutRepeatedKeys() {
        anotherSenderIsRunning();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(ArticleFixtures.publishedId(api.as(editorKey), "Story " + i, "economy"));
        }
        assertThat(pending()).isGreaterThan(10);

        worker();
        cdn.await(Duration.ofSeconds(5), received -> !received.isEmpty());
        awaitNothingPending();

        assertThat(cdn.received()).hasSize(1);
        List<String> expected = new ArrayList<>(List.of("articles", "tags"));
        ids.forEach(id -> expected.add("article-" + id));
        assertThat(keysReceived()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void purgesWaitUntilReadersCanReadTheChange() {
        AtomicBoolean caughtUp = new AtomicBoolean();
        worker(timeout -> {
            if (!caughtUp.get()) {
                sleep(timeout.toMillis());
            }
            return caughtUp.get();
        });
        String id = ArticleFixtures.publishedId(api.as(editorKey), "Replayed late", "economy");

        sleep(1500);
        assertThat(cdn.received()).isEmpty();
        assertThat(pending()).isPositive(); // waiting, not dropped

        caughtUp.set(true);
        cdn.await(Duration.ofSeconds(5), received -> !received.isEmpty());
        assertThat(keysReceived()).contains("article-" + id);
        awaitNothingPending();
    }

    @Test
    void aCdnThatHangsOrIsDownNeverSlowsASaveAndGetsItsPurgesWhenBack() {
        worker();
        cdn.hangAll();
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.publishedId(editor, "Hanging CDN", "economy");
        editor.put("/api/admin/articles/" + id, ArticleFixtures.article("Warm-up", "economy"), "If-Match",
                editor.get("/api/admin/articles/" + id).header("ETag")); // the first save of a run is slower anyway
        cdn.await(Duration.ofSeconds(5), received -> !received.isEmpty()); // the sender is stuck on it now
        List<Duration> saves = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String etag = editor.get("/api/admin/articles/" + id).header("ETag");
            long started = System.nanoTime();
            assertThat(editor.put("/api/admin/articles/" + id, ArticleFixtures.article("Take " + i, "economy"), "If-Match", etag).status())
                    .isEqualTo(200);
            saves.add(Duration.ofNanos(System.nanoTime() - started));
            if (i == 2) {
                cdn.down(); // from hanging to refusing connections
                cdn.answer();
            }
        }
        assertThat(saves).allSatisfy(took -> assertThat(took).isLessThan(Duration.ofMillis(500)));
        assertThat(pending()).isPositive();

        cdn.up();
        awaitNothingPending();
        assertThat(keysReceived()).contains("article-" + id, "articles");
    }

    @Test
    void aFailedPurgeIsRetriedWithBackoffUntilItLands() {
        cdn.thenReply(Reply.status(503), Reply.status(503));
        worker();

        String id = ArticleFixtures.publishedId(api.as(editorKey), "Retried");

        List<CdnStandIn.Request> calls = cdn.await(Duration.ofSeconds(10), received -> received.size() >= 3);
        awaitNothingPending();
        assertThat(calls).allSatisfy(call -> assertThat(call.keys("Surrogate-Key")).contains("article-" + id));
        // 200 ms, then 400 ms (initial backoff 200 ms, doubling)
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        assertThat(meters.get("newsroom.cdn.purge.keys").tag("outcome", "failed").counter().count()).isPositive();
        assertThat(meters.get("newsroom.cdn.purge.keys").tag("outcome", "sent").counter().count()).isPositive();
    }

    @Test
    void twoInstancesSendEachPurgeOnce() throws Exception {
        worker();
        worker();
        int changes = 12;
        CyclicBarrier together = new CyclicBarrier(changes);
        ExecutorService editors = Executors.newFixedThreadPool(changes);
        List<Future<String>> published = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            int n = i;
            published.add(editors.submit(() -> {
                String id = ArticleFixtures.createId(api.as(editorKey), "Concurrent " + n);
                together.await();
                assertThat(api.as(editorKey).post("/api/admin/articles/" + id + "/publish", null).status()).isEqualTo(200);
                return id;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : published) {
            ids.add(id.get());
        }
        editors.shutdown();

        awaitNothingPending();
        List<String> keys = keysReceived();
        for (String id : ids) {
            assertThat(keys).as("article-" + id).containsOnlyOnce("article-" + id);
            assertThat(keys.stream().filter(("article-" + id)::equals)).hasSize(1);
        }
    }

    @Test
    void aClaimWhoseSenderDiedIsSentWhenItRunsOut() {
        // What a sender killed mid-attempt leaves: purges it claimed (an attempt counted), never sent.
        jdbc.update("INSERT INTO cdn_purges (purge_key, attempts, due_at) VALUES ('article-killed', 1, now() + interval '300 milliseconds')");

        worker();

        cdn.await(Duration.ofSeconds(5), received -> !received.isEmpty());
        assertThat(keysReceived()).containsExactly("article-killed");
        awaitNothingPending();
    }

    @Test
    void purgesNotSentWithinTheirLifetimeAreDropped() {
        CdnPurgeWorker worker = worker();
        cdn.down();
        jdbc.update("INSERT INTO cdn_purges (purge_key, created_at) VALUES ('article-old', now() - interval '2 days')");

        worker.announceAndExpire();

        assertThat(pending()).isZero();
        assertThat(meters.get("newsroom.cdn.purge.keys").tag("outcome", "expired").counter().count()).isEqualTo(1);
    }

    @Test
    void theQueueIsMeasured() {
        anotherSenderIsRunning();
        ArticleFixtures.publishedId(api.as(editorKey), "Waiting", "economy");
        new CdnPurgeMetrics(jdbc, meters);

        assertThat(meters.get("newsroom.cdn.purge.queue").gauge().value()).isEqualTo(3);
        assertThat(meters.get("newsroom.cdn.purge.queue.age").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
