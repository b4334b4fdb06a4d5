package io.newsroom.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log from growing forever: delivered and failed deliveries older than
 * {@code newsroom.webhooks.delivery-retention} (default 30 days) are deleted in the background, a
 * batch at a time so that no long transaction holds the table. Pending deliveries are never
 * deleted, however old. Any instance may run it; running it twice at once only splits the work.
 */
@Component
class WebhookDeliveryRetention {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryRetention.class);
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;

    WebhookDeliveryRetention(JdbcTemplate jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${newsroom.webhooks.retention-interval:1h}", initialDelayString = "${newsroom.webhooks.retention-interval:1h}")
    void run() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Deleted {} webhook deliveries older than {}", deleted, properties.deliveryRetention());
            }
        } catch (RuntimeException e) {
            log.warn("Deleting old webhook deliveries failed ({}); trying again in {}", e.getMessage(), properties.retentionInterval());
        }
    }

    /** Deletes every delivered or failed delivery past its retention; returns how many. */
    int deleteExpired() {
        double seconds = properties.deliveryRetention().toMillis() / 1000.0;
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    DELETE FROM webhook_deliveries WHERE id IN (
                        SELECT id FROM webhook_deliveries
                        WHERE status <> 'PENDING' AND created_at < now() - make_interval(secs => ?)
                        LIMIT ? FOR UPDATE SKIP LOCKED)""", seconds, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
