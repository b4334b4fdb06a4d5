package io.newsroom.integration;

import static io.newsroom.support.ArticleFixtures.createId;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import io.newsroom.support.WebhookReceiver;
import io.newsroom.support.WebhookReceiver.Received;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;

/** The scheduling job publishes each due article once, with one article.published, however many instances run. */
class ScheduledPublishingIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private WebhookReceiver receiver;

    @BeforeEach
    void subscribe() {
        receiver = new WebhookReceiver();
        api.as(adminKey).post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", List.of("article.published"),
                "secret", "scheduled-publishing-test-secret"));
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aScheduledArticleIsPublishedAtItsTimeAndAnnouncedOnce() {
        Api editor = api.as(editorKey);
        String id = createId(editor, "Embargoed until the minister speaks");
        Instant at = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        assertThat(editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", at.toString())).status()).isEqualTo(200);
        assertThat(receiver.received()).isEmpty();

        List<Received> received = receiver.await(Duration.ofSeconds(10), r -> r.size() == 1);
        Instant heard = received.get(0).at();
        assertThat(heard).isAfterOrEqualTo(at);
        // The job runs every 200 ms in tests; the worker sends right after the job's commit.
        assertThat(Duration.between(at, heard)).isLessThan(Duration.ofSeconds(2));
        var article = editor.get("/api/admin/articles/" + id).json();
        assertThat(article.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(Instant.parse(article.get("publishedAt").asString())).as("keeps its planned time").isEqualTo(at);
        WebhooksIT.sleep(Duration.ofMillis(600));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void twoInstancesPublishManyArticlesDueAtTheSameMomentExactlyOnce() {
        int count = 120;
        Api editor = api.as(editorKey);
        List<String> ids = new ArrayList<>();
        long creating = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ids.add(createId(editor, "Scheduled story number " + i));
        }
        // Scheduling them costs less than creating them did: that long, and at least 3 s, so that a loaded
        // machine does not ask for a moment already past (400) before the last one is scheduled.
        Duration lead = Duration.ofNanos(System.nanoTime() - creating);
        try (SecondInstance second = SecondInstance.start()) {
            Instant at = Instant.now().plus(lead.compareTo(Duration.ofSeconds(3)) > 0 ? lead : Duration.ofSeconds(3)).truncatedTo(ChronoUnit.MILLIS);
            for (String id : ids) {
                assertThat(editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", at.toString())).status()).isEqualTo(200);
            }
            assertThat(Instant.now()).as("scheduling took too long for this test to mean anything").isBefore(at);

            List<Received> received = receiver.await(Duration.ofSeconds(30), r -> r.size() >= count);
            WebhooksIT.sleep(Duration.ofSeconds(1)); // both jobs and both workers have had several more turns

            Map<String, Long> publishedEvents = receiver.received().stream()
                    .map(r -> json.readTree(r.body()).get("article").get("id").asString())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(publishedEvents.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(publishedEvents.values()).containsOnly(1L);
            assertThat(received).allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(at));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM articles WHERE status = 'PUBLISHED' AND published_at = ?",
                    Long.class, java.sql.Timestamp.from(at))).isEqualTo(count);
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM audit_log WHERE action = 'article.published' AND details->>'from' = 'SCHEDULED'""",
                    Long.class)).isEqualTo(count);
        }
    }

    @Test
    void articlesThatFellDueWhileNoInstanceRanArePublishedAtStartUp() {
        Lifecycle job = context.getBean("scheduledTransitions", Lifecycle.class);
        Api editor = api.as(editorKey);
        String id = createId(editor, "Due during the downtime");
        job.stop(); // "downtime": no instance publishes
        try {
            Instant at = Instant.now().plusMillis(300);
            assertThat(editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", at.toString())).status()).isEqualTo(200);
            WebhooksIT.sleep(Duration.ofMillis(800));
            assertThat(status(id)).isEqualTo("SCHEDULED");

            // An instance whose periodic job would not run for an hour: only its start-up can publish.
            try (SecondInstance restarted = SecondInstance.start("--newsroom.scheduling.interval=1h")) {
                assertThat(status(id)).isEqualTo("PUBLISHED");
                assertThat(receiver.await(Duration.ofSeconds(10), r -> r.size() == 1).get(0).event()).isEqualTo("article.published");
            }
        } finally {
            job.start();
        }
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM articles WHERE id = ?::uuid", String.class, id);
    }
}
