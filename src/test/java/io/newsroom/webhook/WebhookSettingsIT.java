package io.newsroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The delivery log keeps deliveries for their retention time only (the settings' own checks: SettingsValidationTest). */
class WebhookSettingsIT extends IntegrationTest {

    @Autowired
    WebhookDeliveryRetention retention;

    @Test
    void deliveredAndFailedDeliveriesOlderThanTheRetentionAreDeletedPendingOnesNever() {
        UUID subscription = UUID.randomUUID();
        jdbc.update("INSERT INTO webhook_subscriptions (id, url, events, secret, created_at, updated_at)"
                + " VALUES (?, 'http://127.0.0.1:9/', ARRAY['article.published'], 'secret-secret-secret', now(), now())", subscription);
        String insert = "INSERT INTO webhook_deliveries (id, subscription_id, event, event_id, payload, status, next_attempt_at, created_at)"
                + " VALUES (?, ?, 'article.published', gen_random_uuid(), '{}', ?, now() + interval '1 day', now() - ?::interval)";
        UUID oldDelivered = UUID.randomUUID();
        UUID oldFailed = UUID.randomUUID();
        UUID oldPending = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.update(insert, oldDelivered, subscription, "DELIVERED", "31 days");
        jdbc.update(insert, oldFailed, subscription, "FAILED", "40 days");
        jdbc.update(insert, oldPending, subscription, "PENDING", "90 days");
        jdbc.update(insert, recent, subscription, "DELIVERED", "29 days");

        assertThat(retention.deleteExpired()).isEqualTo(2);

        assertThat(jdbc.queryForList("SELECT id FROM webhook_deliveries", UUID.class)).containsExactlyInAnyOrder(oldPending, recent);
    }
}
