package io.newsroom.integration;

import static io.newsroom.support.ArticleFixtures.createId;
import static io.newsroom.support.ArticleFixtures.publishedId;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.WebhookReceiver;
import io.newsroom.support.WebhookReceiver.Received;
import io.newsroom.support.WebhookReceiver.Reply;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import tools.jackson.databind.JsonNode;

/** Webhooks end to end: a real receiver on 127.0.0.1, the service's own worker, signatures checked independently. */
class WebhooksIT extends IntegrationTest {

    private static final List<String> ALL_EVENTS = List.of("article.published", "article.updated", "article.unpublished", "article.deleted");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "a-receiver-secret-of-some-length";

    @Autowired
    ApplicationContext context;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void subscriptionsAreManagedByAdminsAndSecretsShownOnce() {
        Api admin = api.as(adminKey);
        Api.Result created = admin.post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", List.of("article.published")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/admin/webhooks/" + id);
        assertThat(created.json().get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(60);
        assertThat(created.json().get("active").asBoolean()).isTrue();

        JsonNode fetched = admin.get("/api/admin/webhooks/" + id).json();
        assertThat(fetched.get("secret").isNull()).isTrue();
        assertThat(admin.get("/api/admin/webhooks").json().get("items")).hasSize(1);
        assertThat(admin.get("/api/admin/webhooks").body()).doesNotContain("whsec_");

        Api.Result updated = admin.put("/api/admin/webhooks/" + id, Map.of("url", receiver.url() + "/v2", "events", ALL_EVENTS, "active", false));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("events")).hasSize(4);
        assertThat(updated.json().get("active").asBoolean()).isFalse();
        assertThat(updated.json().get("url").asString()).endsWith("/hooks/v2");

        assertThat(admin.delete("/api/admin/webhooks/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/admin/webhooks/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
    }

    @Test
    void badSubscriptionsAreRefusedWithProblems() {
        Api admin = api.as(adminKey);
        Api.Result unknownEvent = admin.post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", List.of("article.exploded")));
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.body()).contains("events").contains("article.exploded");
        assertThat(admin.post("/api/admin/webhooks", Map.of("url", "ftp://example.org", "events", ALL_EVENTS)).status()).isEqualTo(400);
        assertThat(admin.post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", List.of())).status()).isEqualTo(400);
        assertThat(admin.post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", ALL_EVENTS, "secret", "short")).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_subscriptions", Long.class)).isZero();
    }

    @Test
    void onlyAdminsManageWebhooks() {
        Map<String, Object> body = Map.of("url", receiver.url(), "events", ALL_EVENTS);
        assertThat(api.post("/api/admin/webhooks", body).status()).isEqualTo(401);
        assertThat(api.as(editorKey).post("/api/admin/webhooks", body).status()).isEqualTo(403);
        assertThat(api.as(integrationKey).get("/api/admin/webhooks").status()).isEqualTo(403);
        assertThat(api.as(writerKey).get("/api/admin/webhooks").status()).isEqualTo(403);
    }

    @Test
    void aPublicationIsDeliveredOnceSignedAndLogged() {
        String subscription = subscribe(List.of("article.published"));
        String articleId = publishedId(api.as(editorKey), "إيران وروسيا توقعان اتفاقاً", "إيران");

        Received delivery = receiver.await(WAIT, r -> r.size() == 1).get(0);
        assertThat(delivery.event()).isEqualTo("article.published");
        assertThat(delivery.contentType()).startsWith("application/json");
        assertThat(delivery.delivery()).matches("[0-9a-f-]{36}");
        assertSignedWith(SECRET, delivery);
        JsonNode body = json.readTree(delivery.body());
        assertThat(body.get("event").asString()).isEqualTo("article.published");
        assertThat(body.get("article").get("id").asString()).isEqualTo(articleId);
        assertThat(body.get("article").get("headline").asString()).isEqualTo("إيران وروسيا توقعان اتفاقاً");
        assertThat(body.get("article").get("direction").asString()).isEqualTo("rtl");
        assertThat(body.get("article").get("url").asString()).contains("/api/content/articles/");

        JsonNode log = awaitDelivery(subscription, "DELIVERED");
        assertThat(log.get("id").asString()).isEqualTo(delivery.delivery());
        assertThat(log.get("event").asString()).isEqualTo("article.published");
        assertThat(log.get("attempts").asInt()).isEqualTo(1);
        assertThat(log.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(log.get("deliveredAt").isNull()).isFalse();
        sleep(Duration.ofMillis(600)); // several polls later: still exactly one request
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void everyKindOfChangeFiresItsEvent() {
        subscribe(ALL_EVENTS);
        Api editor = api.as(editorKey);
        String id = createId(editor, "Ceasefire talks resume", "talks", "diplomacy");
        String other = createId(editor, "A second story", "negotiations");
        editor.put("/api/admin/articles/" + id, Map.of("headline", "Draft edit: no event", "tags", List.of("talks")),
                "If-Match", editor.get("/api/admin/articles/" + id).header("ETag"));
        assertThat(editor.post("/api/admin/articles/" + id + "/publish", null).status()).isEqualTo(200);
        receiver.await(WAIT, r -> r.size() == 1);

        Api.Result current = editor.get("/api/admin/articles/" + id);
        assertThat(editor.put("/api/admin/articles/" + id, Map.of("headline", "Ceasefire talks resume in Doha", "tags", List.of("talks", "diplomacy")),
                "If-Match", current.header("ETag")).status()).isEqualTo(200);
        receiver.await(WAIT, r -> r.size() == 2);
        assertThat(editor.put("/api/admin/articles/" + id + "/related", Map.of("ids", List.of(other))).status()).isEqualTo(200);
        receiver.await(WAIT, r -> r.size() == 3);
        assertThat(editor.post("/api/admin/articles/" + id + "/revisions/1/restore", null).status()).isEqualTo(200);
        receiver.await(WAIT, r -> r.size() == 4);
        String diplomacy = tagId("diplomacy");
        String negotiations = tagId("negotiations");
        assertThat(editor.post("/api/admin/tags/" + diplomacy + "/merge", Map.of("intoId", negotiations)).status()).isEqualTo(200);
        receiver.await(WAIT, r -> r.size() == 5);
        assertThat(editor.post("/api/admin/articles/" + id + "/unpublish", null).status()).isEqualTo(200);
        receiver.await(WAIT, r -> r.size() == 6);
        assertThat(editor.delete("/api/admin/articles/" + id).status()).isEqualTo(204);
        List<Received> all = receiver.await(WAIT, r -> r.size() == 7);

        assertThat(all.stream().map(Received::event)).containsExactly("article.published", "article.updated", "article.updated",
                "article.updated", "article.updated", "article.unpublished", "article.deleted");
        assertThat(all.stream().map(Received::delivery).distinct()).hasSize(7);
        all.forEach(r -> assertThat(json.readTree(r.body()).get("article").get("id").asString()).isEqualTo(id));
        sleep(Duration.ofMillis(500));
        assertThat(receiver.received()).as("the draft edit and the unpublished draft's changes fire nothing").hasSize(7);
    }

    @Test
    void aSubscriptionReceivesOnlyTheEventsItAskedFor() {
        subscribe(List.of("article.unpublished"));
        String id = publishedId(api.as(editorKey), "Only the unpublication counts");
        api.as(editorKey).post("/api/admin/articles/" + id + "/unpublish", null);
        List<Received> received = receiver.await(WAIT, r -> r.size() == 1);
        sleep(Duration.ofMillis(500));
        assertThat(receiver.received()).hasSize(1);
        assertThat(received.get(0).event()).isEqualTo("article.unpublished");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUnderTheSameDeliveryId() {
        receiver.thenReply(Reply.status(503), Reply.status(500));
        String subscription = subscribe(List.of("article.published"));
        publishedId(api.as(editorKey), "Retried until it lands");

        List<Received> attempts = receiver.await(WAIT, r -> r.size() == 3);
        assertThat(attempts.stream().map(Received::delivery).distinct()).hasSize(1);
        // initial-backoff 300 ms, doubled: at least 300 ms, then 600 ms between attempts.
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(550));
        attempts.forEach(a -> assertSignedWith(SECRET, a));
        JsonNode log = awaitDelivery(subscription, "DELIVERED");
        assertThat(log.get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsIsRetriedButOtherClientErrorsAreNot() {
        receiver.thenReply(Reply.status(429));
        String retried = subscribe(List.of("article.published"));
        publishedId(api.as(editorKey), "Rate limited once");
        receiver.await(WAIT, r -> r.size() == 2);
        assertThat(awaitDelivery(retried, "DELIVERED").get("attempts").asInt()).isEqualTo(2);

        try (WebhookReceiver refusing = new WebhookReceiver().thenReply(Reply.status(400))) {
            String refused = subscribe(refusing, List.of("article.published"));
            publishedId(api.as(editorKey), "Refused by the receiver");
            JsonNode log = awaitDelivery(refused, "FAILED");
            assertThat(log.get("attempts").asInt()).isEqualTo(1);
            assertThat(log.get("lastStatusCode").asInt()).isEqualTo(400);
            assertThat(log.get("lastError").asString()).contains("400");
            sleep(Duration.ofMillis(800));
            assertThat(refusing.received()).hasSize(1);
        }
    }

    @Test
    void goneDisablesTheSubscription() {
        receiver.thenReply(Reply.status(410));
        String subscription = subscribe(List.of("article.published"));
        publishedId(api.as(editorKey), "The receiver is gone");
        awaitDelivery(subscription, "FAILED");
        JsonNode disabled = api.as(adminKey).get("/api/admin/webhooks/" + subscription).json();
        assertThat(disabled.get("active").asBoolean()).isFalse();
        assertThat(disabled.get("disabledReason").asString()).contains("410");

        publishedId(api.as(editorKey), "Nobody hears this one");
        sleep(Duration.ofMillis(800));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aSlowReceiverTimesOutIsRetriedAndNeverSlowsPublishing() {
        receiver.thenReply(Reply.after(Duration.ofSeconds(3), 200), Reply.after(Duration.ofSeconds(3), 200), Reply.after(Duration.ofSeconds(3), 200));
        String subscription = subscribe(List.of("article.published"));
        Api editor = api.as(editorKey);
        String id = createId(editor, "Published while the receiver dawdles");

        long started = System.nanoTime();
        assertThat(editor.post("/api/admin/articles/" + id + "/publish", null).status()).isEqualTo(200);
        Duration publishing = Duration.ofNanos(System.nanoTime() - started);
        assertThat(publishing).isLessThan(Duration.ofMillis(800));

        JsonNode log = awaitDelivery(subscription, "FAILED"); // max-attempts 3 in tests, read-timeout 1 s
        assertThat(log.get("attempts").asInt()).isEqualTo(3);
        assertThat(log.get("lastError").asString()).contains("no response within 1000 ms").contains("gave up after 3 attempts");
        assertThat(log.get("lastStatusCode").isNull()).isTrue();
    }

    @Test
    void anUnreachableReceiverIsRetriedThenMarkedFailed() {
        String subscription;
        String url;
        try (WebhookReceiver closed = new WebhookReceiver()) {
            url = closed.url();
        }
        subscription = api.as(adminKey).post("/api/admin/webhooks", Map.of("url", url, "events", ALL_EVENTS, "secret", SECRET))
                .json().get("id").asString();
        publishedId(api.as(editorKey), "Nobody is listening");
        JsonNode log = awaitDelivery(subscription, "FAILED");
        assertThat(log.get("attempts").asInt()).isEqualTo(3);
        assertThat(log.get("lastError").asString()).contains("gave up after 3 attempts");
    }

    @Test
    void aFailedDeliveryCanBeSentAgainUnderItsId() {
        receiver.thenReply(Reply.status(400));
        String subscription = subscribe(List.of("article.published"));
        publishedId(api.as(editorKey), "Sent again after a fix");
        JsonNode failed = awaitDelivery(subscription, "FAILED");
        Api.Result again = api.as(adminKey).post("/api/admin/webhooks/" + subscription + "/deliveries/" + failed.get("id").asString() + "/redeliver", null);
        assertThat(again.status()).isEqualTo(202);
        awaitDelivery(subscription, "DELIVERED");
        assertThat(receiver.received()).hasSize(2).extracting(Received::delivery).containsOnly(failed.get("id").asString());
    }

    @Test
    void aChangeThatFailsLeavesNoDelivery() {
        String subscription = subscribe(ALL_EVENTS);
        String id = publishedId(api.as(editorKey), "Edited with a stale ETag");
        receiver.await(WAIT, r -> r.size() == 1);
        Api.Result stale = api.as(editorKey).put("/api/admin/articles/" + id, Map.of("headline", "Lost?"), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        sleep(Duration.ofMillis(500));
        assertThat(receiver.received()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = ?::uuid", Long.class, subscription)).isEqualTo(1);
    }

    /**
     * A worker stopped while a look for due deliveries was queued behind one in progress (a context
     * paused, an instance shutting down) looks again once started: the queued look died with the old
     * executor and must not keep the new one from ever being asked.
     */
    @Test
    void aWorkerStoppedWithALookQueuedSendsAgainOnceStarted() throws Exception {
        Lifecycle worker = context.getBean("webhookDispatcher", Lifecycle.class);
        subscribe(List.of("article.published"));
        try (Connection blocker = jdbc.getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE webhook_deliveries IN ACCESS EXCLUSIVE MODE");
            Thread.sleep(2_500); // one look blocks on the lock, the next poll queues another behind it
            worker.stop();
            blocker.rollback();
        } finally {
            worker.start();
        }
        publishedId(api.as(editorKey), "خبر بعد إعادة تشغيل العامل", "إيران");

        assertThat(receiver.await(WAIT, r -> r.size() == 1).get(0).event()).isEqualTo("article.published");
    }

    private String subscribe(List<String> events) {
        return subscribe(receiver, events);
    }

    private String subscribe(WebhookReceiver to, List<String> events) {
        Api.Result created = api.as(adminKey).post("/api/admin/webhooks", Map.of("url", to.url(), "events", events, "secret", SECRET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String tagId(String name) {
        return jdbc.queryForObject("SELECT id::text FROM tags WHERE name = ?", String.class, name);
    }

    private JsonNode awaitDelivery(String subscription, String status) {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            JsonNode items = api.as(adminKey).get("/api/admin/webhooks/" + subscription + "/deliveries").json().get("items");
            if (!items.isEmpty() && status.equals(items.get(0).get("status").asString())) {
                return items.get(0);
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("No delivery reached " + status + ": " + api.as(adminKey).get("/api/admin/webhooks/" + subscription + "/deliveries").body());
    }

    /** Checks the signature as docs/guide.md tells receivers to: recompute the HMAC over "t.body". */
    static void assertSignedWith(String secret, Received received) {
        Matcher parts = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(received.signature());
        assertThat(parts.matches()).as(received.signature()).isTrue();
        long timestamp = Long.parseLong(parts.group(1));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(parts.group(2)).isEqualTo(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
