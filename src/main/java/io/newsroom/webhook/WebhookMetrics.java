package io.newsroom.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Webhook health for Prometheus: {@code newsroom_webhook_deliveries{status="pending|failed"}} (in
 * the log, all instances together, counted at most every 10 s) and
 * {@code newsroom_webhook_delivery_seconds{outcome}}, how long receivers took to answer.
 */
@Component
class WebhookMetrics {

    private static final long COUNT_EVERY_MILLIS = 10_000;

    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private volatile Map<String, Long> counts = Map.of();
    private volatile long countedAt;

    WebhookMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        for (String status : new String[] {"PENDING", "FAILED"}) {
            Gauge.builder("newsroom.webhook.deliveries", () -> count(status)).description("Webhook deliveries in the log, by status")
                    .tag("status", status.toLowerCase(java.util.Locale.ROOT)).register(registry);
        }
    }

    /** One attempt: {@code outcome} delivered, retry (will be sent again) or failed (given up). */
    void attempted(Duration took, String outcome) {
        Timer.builder("newsroom.webhook.delivery").description("How long a webhook receiver took to answer an attempt")
                .tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(registry).record(took);
    }

    private double count(String status) {
        long now = System.currentTimeMillis();
        if (now - countedAt > COUNT_EVERY_MILLIS) {
            try {
                Map<String, Long> fresh = new java.util.HashMap<>();
                jdbc.query("SELECT status, count(*) FROM webhook_deliveries WHERE status IN ('PENDING', 'FAILED') GROUP BY status",
                        row -> {
                            fresh.put(row.getString(1), row.getLong(2));
                        });
                counts = fresh;
                countedAt = now;
            } catch (RuntimeException e) {
                return Double.NaN; // the database cannot be asked now: no figure rather than a wrong one
            }
        }
        return counts.getOrDefault(status, 0L);
    }
}
