package io.newsroom.cdn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * CDN purging for Prometheus: {@code newsroom_cdn_purge_keys_total{outcome="sent|failed|expired"}}
 * (keys, after removing repeats), {@code newsroom_cdn_purge_seconds{cdn,outcome}} (how long a batch took
 * the CDN), and the queue of all instances together, {@code newsroom_cdn_purge_queue} (purges due or being retried; not those waiting for a scheduled moment)
 * and {@code newsroom_cdn_purge_queue_age_seconds} (how long the oldest due one has waited), counted
 * at most every 5 s.
 */
@Component
class CdnPurgeMetrics {

    private static final long COUNT_EVERY_MILLIS = 5_000;

    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter failed;
    private final Counter expired;
    private volatile double[] queue = {0, 0};
    private volatile long countedAt;

    CdnPurgeMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.sent = keys("sent");
        this.failed = keys("failed");
        this.expired = keys("expired");
        Gauge.builder("newsroom.cdn.purge.queue", () -> queue()[0]).description("CDN purges waiting to be sent, all instances").register(registry);
        Gauge.builder("newsroom.cdn.purge.queue.age", () -> queue()[1]).baseUnit("seconds")
                .description("How long the oldest due CDN purge has waited").register(registry);
    }

    private Counter keys(String outcome) {
        return Counter.builder("newsroom.cdn.purge.keys").description("Surrogate keys purged, failed (to be retried) or expired unsent")
                .tag("outcome", outcome).register(registry);
    }

    void sent(String cdn, int keys, Duration took) {
        sent.increment(keys);
        timer(cdn, "sent").record(took);
    }

    void failed(String cdn, int keys, Duration took) {
        failed.increment(keys);
        timer(cdn, "failed").record(took);
    }

    void expired(int purges) {
        expired.increment(purges);
    }

    private Timer timer(String cdn, String outcome) {
        return Timer.builder("newsroom.cdn.purge").description("How long a batch of purges took the CDN").tag("cdn", cdn)
                .tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(registry);
    }

    private double[] queue() {
        long now = System.currentTimeMillis();
        if (now - countedAt > COUNT_EVERY_MILLIS) {
            try {
                queue = jdbc.queryForObject("""
                        SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
                        FROM cdn_purges WHERE due_at <= now() OR attempts > 0""", (row, n) -> new double[] {row.getLong(1), row.getDouble(2)});
                countedAt = now;
            } catch (RuntimeException e) {
                return new double[] {Double.NaN, Double.NaN}; // no figure rather than a wrong one
            }
        }
        return queue;
    }
}
