package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.SecondInstance;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import io.newsroom.support.IntegrationTest;

/**
 * Public reads over HTTP on an instance that computes one at a time (newsroom.reads.at-once=1): while
 * one is held (it waits on a table lock this test keeps), another public read is answered 503 with
 * Retry-After once its queue timeout has passed, an admin read is not queued, and the held read ends
 * 200 when the lock goes.
 */
class ReadAdmissionIT extends IntegrationTest {

    @Test
    void aPublicReadThatCannotGetItsTurnIsA503ProblemAndAdminReadsAreNotQueued() throws Exception {
        try (SecondInstance other = SecondInstance.start("--newsroom.reads.at-once=1", "--newsroom.reads.queue-timeout=300ms",
                "--newsroom.cache.response-cache=false", "--newsroom.warm-up.duration=0s")) {
            Api there = new Api(other.port(), json);
            assertThat(there.get("/api/content/tags").status()).isEqualTo(200);
            CompletableFuture<Api.Result> held;
            try (Connection lock = jdbc.getDataSource().getConnection()) {
                lock.setAutoCommit(false);
                try (Statement statement = lock.createStatement()) {
                    statement.execute("LOCK TABLE tags IN ACCESS EXCLUSIVE MODE");
                }
                held = CompletableFuture.supplyAsync(() -> there.get("/api/content/tags"));
                awaitWaitingOnTheLock();

                Api.Result refused = there.get("/api/content/articles?limit=1");
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.json().get("title").asString()).isEqualTo("Too busy");
                assertThat(refused.body()).doesNotContain("Exception");

                assertThat(there.as(editorKey).get("/api/admin/sources").status()).as("admin reads take no turn").isEqualTo(200);
                lock.rollback();
            }
            assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(there.get("/api/content/articles?limit=1").status()).as("its turn given back").isEqualTo(200);
        }
    }

    /** The held read has reached PostgreSQL and waits there for the lock (holding its turn). */
    private void awaitWaitingOnTheLock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE relation = 'tags'::regclass AND NOT granted", Integer.class) == 0) {
            assertThat(System.nanoTime()).as("the held read waits on the lock").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
