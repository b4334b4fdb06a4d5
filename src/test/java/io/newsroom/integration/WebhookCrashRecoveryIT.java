package io.newsroom.integration;

import static io.newsroom.support.ArticleFixtures.publishedId;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.TestDatabase;
import io.newsroom.support.WebhookReceiver;
import io.newsroom.support.WebhookReceiver.Received;
import io.newsroom.support.WebhookReceiver.Reply;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;

/**
 * The process that is sending a webhook is killed (SIGKILL, no shutdown of any kind) while the receiver
 * holds the request; after a restart the delivery is sent again, under the same delivery id, and
 * lands. The sender is a separate JVM running the service, so the kill is a real crash.
 */
class WebhookCrashRecoveryIT extends IntegrationTest {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    @Autowired
    ApplicationContext context;

    @Test
    void aDeliveryCutShortByACrashIsDeliveredAfterRestart() throws Exception {
        // Only the separate process may send: this instance's worker stands aside for the test.
        Lifecycle localWorker = context.getBean("webhookDispatcher", Lifecycle.class);
        localWorker.stop();
        try (WebhookReceiver receiver = new WebhookReceiver().thenReply(Reply.hang())) {
            Api.Result subscribed = api.as(adminKey).post("/api/admin/webhooks", Map.of("url", receiver.url(),
                    "events", List.of("article.published"), "secret", "crash-recovery-secret-0123"));
            String subscription = subscribed.json().get("id").asString();
            publishedId(api.as(editorKey), "Published just before the crash");
            assertThat(delivery(subscription, "status")).isEqualTo("PENDING");

            Process first = startService("crash-first");
            Received cutShort;
            try {
                cutShort = receiver.await(STARTUP, r -> r.size() == 1).get(0);
            } finally {
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            // Killed mid-attempt: the attempt was counted, no outcome was ever recorded.
            assertThat(delivery(subscription, "status")).isEqualTo("PENDING");
            assertThat(delivery(subscription, "attempts")).isEqualTo("1");
            assertThat(delivery(subscription, "last_status_code")).isNull();

            Process restarted = startService("crash-restarted");
            try {
                List<Received> received = receiver.await(STARTUP, r -> r.size() == 2);
                Received redelivered = received.get(1);
                assertThat(redelivered.delivery()).isEqualTo(cutShort.delivery());
                assertThat(redelivered.body()).isEqualTo(cutShort.body());
                WebhooksIT.assertSignedWith("crash-recovery-secret-0123", redelivered);
                awaitStatus(subscription, "DELIVERED");
                assertThat(delivery(subscription, "attempts")).isEqualTo("2");
            } finally {
                restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            localWorker.start();
        }
    }

    /** The service in its own JVM, on the tests' database and classpath, with a read timeout longer than the test needs. */
    private static Process startService(String name) throws IOException {
        TestDatabase.Connection db = TestDatabase.get();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.newsroom.NewsroomApplication",
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + (db.username() == null ? "" : db.username()),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--newsroom.webhooks.read-timeout=8s"));
        File log = Path.of("target", name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private String delivery(String subscription, String column) {
        return jdbc.queryForObject("SELECT " + column + "::text FROM webhook_deliveries WHERE subscription_id = ?::uuid",
                String.class, subscription);
    }

    private void awaitStatus(String subscription, String status) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end && !status.equals(delivery(subscription, "status"))) {
            WebhooksIT.sleep(Duration.ofMillis(50));
        }
        assertThat(delivery(subscription, "status")).isEqualTo(status);
    }
}
