package io.newsroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Webhook settings checked at start-up, and the delivery log kept for its retention time only. */
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

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"concurrency, 0, concurrency", "max-attempts, 0, maxAttempts", "read-timeout, 0s, readTimeout",
            "delivery-retention, -1d, deliveryRetention", "max-backoff, 1ms, newsroom.webhooks.max-backoff"})
    void anImpossibleSettingStopsTheStartUpNamingIt(String setting, String value, String named) {
        assertThatThrownBy(() -> SecondInstance.start("--newsroom.webhooks." + setting + "=" + value).close())
                .hasStackTraceContaining("newsroom.webhooks").hasStackTraceContaining(named);
    }
}
