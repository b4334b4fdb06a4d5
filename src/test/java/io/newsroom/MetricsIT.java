package io.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import io.newsroom.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** The figures a newsroom watches, at /actuator/prometheus on the management port, moved by what they count. */
class MetricsIT extends IntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void webhookIngestAndScheduledPublishingFiguresMoveWithWhatTheyCount() throws Exception {
        Api editor = api.as(editorKey);
        // counters live as long as the shared context: what this test adds is measured against what was there
        String before = scrape(managementPort);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            api.as(adminKey).post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", List.of("article.published")));
            ArticleFixtures.publishedId(editor, "خبر يعد");
            receiver.await(Duration.ofSeconds(10), received -> !received.isEmpty());
            String id = ArticleFixtures.createId(editor, "خبر مجدول يعد");
            editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", Instant.now().plusSeconds(1).toString()));
            api.as(integrationKey).send("POST", "/api/admin/ingest/bulk", "application/x-ndjson", "{\"headline\": \"سطر\"}\n{\"headline\": \"\"}\n");
            api.as(integrationKey).post("/api/admin/ingest/ninjs", Map.of("uri", "urn:metrics:bad"));

            String lateness = Pattern.quote("newsroom_scheduled_lateness_seconds_count{transition=\"published\"}");
            String metrics = waitForMetric(lateness, count(before, lateness) + 1, Duration.ofSeconds(10));
            assertThat(count(metrics, lateness) - count(before, lateness)).as("one scheduled publication").isEqualTo(1);
            String delivered = "newsroom_webhook_delivery_seconds_count\\{[^}]*outcome=\"2xx\"[^}]*\\}";
            assertThat(count(metrics, delivered) - count(before, delivered)).isGreaterThanOrEqualTo(1);
            assertThat(metrics).contains("newsroom_webhook_deliveries{status=\"pending\"}", "newsroom_webhook_deliveries{status=\"failed\"}");
            for (String[] expected : new String[][] {{"created", "bulk"}, {"failed", "bulk"}, {"failed", "ninjs"}}) {
                String series = "newsroom_ingest_documents_total\\{[^}]*outcome=\"" + expected[0] + "\"[^}]*via=\"" + expected[1] + "\"[^}]*\\}";
                assertThat(count(metrics, series) - count(before, series)).as(String.join(" ", expected)).isEqualTo(1);
            }
        }
    }

    @Test
    void responseCacheHitsAndMissesAreCounted() throws Exception {
        ArticleFixtures.publishedId(api.as(editorKey), "خبر في الذاكرة");
        try (SecondInstance instance = SecondInstance.start("--newsroom.cache.response-cache=true")) {
            Api reader = new Api(instance.port(), json);
            Thread.sleep(500); // the listener's first connection empties the cache: let it connect
            for (int i = 0; i < 5; i++) {
                reader.get("/api/content/articles");
            }
            String metrics = scrape(Integer.parseInt(instance.context().getEnvironment().getProperty("local.management.port")));
            assertThat(value(metrics, "cache_gets_total\\{cache=\"content-responses\"[^}]*result=\"hit\"[^}]*\\}")).isGreaterThanOrEqualTo(2);
            assertThat(value(metrics, "cache_gets_total\\{cache=\"content-responses\"[^}]*result=\"miss\"[^}]*\\}")).isGreaterThanOrEqualTo(1);
            assertThat(metrics).contains("cache_evictions_total{cache=\"content-responses\"");
        }
    }

    private String waitForMetric(String pattern, double atLeast, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String metrics = scrape(managementPort);
        while (count(metrics, pattern) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200);
            metrics = scrape(managementPort);
        }
        return metrics;
    }

    private String scrape(int port) {
        Api.Result result = new Api(port, json).get("/actuator/prometheus");
        assertThat(result.status()).isEqualTo(200);
        return result.body();
    }

    /** A counter's value, 0 while it has not been counted yet. */
    private static double count(String metrics, String pattern) {
        return Math.max(0, value(metrics, pattern));
    }

    /** The value of the first sample whose name and labels match {@code pattern}; -1 when there is none. */
    private static double value(String metrics, String pattern) {
        Matcher matcher = Pattern.compile("(?m)^" + pattern + " ([0-9.eE+-]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
