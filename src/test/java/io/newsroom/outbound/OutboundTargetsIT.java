package io.newsroom.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.OwnDatabase;
import io.newsroom.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook targets inside the service's network, with the guard as it is in production
 * (newsroom.webhooks.allow-private-targets=false; the other tests turn it off for their receivers on
 * 127.0.0.1): refused when saved, and again when a delivery is due.
 */
class OutboundTargetsIT {

    private static final String KEY = "outbound-test-admin-key-0123456789";

    @Test
    void privateWebhookTargetsAreRefusedWhenSavedAndWhenDelivering() throws Exception {
        try (OwnDatabase database = OwnDatabase.create();
                ConfigurableApplicationContext service = database.service("--newsroom.admin-key=" + KEY,
                        "--newsroom.webhooks.allow-private-targets=false", "--newsroom.webhooks.initial-backoff=300ms",
                        "--newsroom.webhooks.max-backoff=1s", "--newsroom.webhooks.max-attempts=2");
                WebhookReceiver receiver = new WebhookReceiver()) {
            Api admin = new Api(OwnDatabase.port(service), JsonMapper.builder().build()).as(KEY);
            for (String url : List.of(receiver.url(), "http://localhost:9/", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]/hook", "http://[::ffff:192.168.0.1]/")) {
                Api.Result refused = admin.post("/api/admin/webhooks", Map.of("url", url, "events", List.of("article.published")));
                assertThat(refused.status()).as(url + " " + refused).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
                assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("refused");
            }
            Api.Result created = admin.post("/api/admin/webhooks", Map.of("url", "https://93.184.216.34/hook", "events", List.of("article.published")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(admin.put("/api/admin/webhooks/" + id, Map.of("url", receiver.url(), "events", List.of("article.published"))).status())
                    .isEqualTo(400);

            // Saved when it pointed elsewhere, now pointing inside (as a DNS change would make it): not sent.
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            jdbc.update("UPDATE webhook_subscriptions SET url = ? WHERE id = ?::uuid", receiver.url(), id);
            ArticleFixtures.publishedId(admin, "خبر لا يرسل إلى الداخل");
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String status = null;
            while (System.nanoTime() < deadline && !"FAILED".equals(status)) {
                Thread.sleep(200);
                status = jdbc.query("SELECT status FROM webhook_deliveries WHERE subscription_id = ?::uuid", (rs, n) -> rs.getString(1), id)
                        .stream().findFirst().orElse(null);
            }
            assertThat(status).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("SELECT last_error FROM webhook_deliveries WHERE subscription_id = ?::uuid", String.class, id))
                    .startsWith("Not sent: the URL resolves to 127.0.0.1");
            assertThat(receiver.received()).as("nothing reached the address inside").isEmpty();
        }
    }
}
