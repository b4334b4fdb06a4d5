package io.newsroom.webhook;

import io.newsroom.article.ArticleEvent;
import io.newsroom.audit.AuditLog;
import io.newsroom.outbound.OutboundTargets;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.NotFoundProblem;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook subscriptions (ADMIN) and the log of their deliveries. */
@Service
public class WebhookService {

    /** Every event a subscription may ask for. */
    public static final Set<String> EVENTS = Arrays.stream(ArticleEvent.Type.values())
            .map(ArticleEvent.Type::wireName).collect(Collectors.toUnmodifiableSet());

    /** A subscription as created or re-keyed: the one moment its secret is shown. */
    public record WithSecret(WebhookSubscription subscription, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, url, events, active, disabled_reason, created_at, updated_at";
    private static final String DELIVERY_COLUMNS = "id, event, event_id, status, attempts, last_status_code, last_error, "
            + "created_at, last_attempt_at, next_attempt_at, delivered_at";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookService(JdbcTemplate jdbc, AuditLog audit, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A target inside the service's own network is refused unless configuration allows it (OutboundTargets). */
    private void checkTarget(String url) {
        OutboundTargets.refusal(url, properties.allowPrivateTargets()).ifPresent(reason -> {
            throw new InvalidRequestProblem("url", reason);
        });
    }

    /** {@code secret} null: one is generated (256 random bits, hex). */
    @Transactional
    public WithSecret create(String url, List<String> events, String secret, boolean active) {
        checkTarget(url);
        UUID id = UUID.randomUUID();
        String key = secret == null ? generatedSecret() : secret;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO webhook_subscriptions (id, url, events, secret, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, url, checkedEvents(events), key, active, now, now);
        audit.record("webhook.created", "webhook", id, null, Map.of("url", url, "events", events));
        return new WithSecret(get(id), key);
    }

    @Transactional(readOnly = true)
    public WebhookSubscription get(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = ?", SUBSCRIPTION, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundProblem("No webhook subscription " + id));
    }

    @Transactional(readOnly = true)
    public Page<WebhookSubscription> list(String cursor, int limit) {
        Cursors.TimeAndId after = cursor == null ? null : Cursors.decodeTimeAndId(cursor);
        List<WebhookSubscription> rows = after == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions ORDER BY created_at, id LIMIT ?", SUBSCRIPTION, limit + 1)
                : jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?",
                        SUBSCRIPTION, Timestamp.from(after.time()), after.id(), limit + 1);
        return Page.of(rows, limit, s -> Cursors.encode(s.createdAt(), s.id()));
    }

    /**
     * Replaces url, events and the active flag; {@code secret} null keeps the current one. Turning a
     * subscription back on clears the reason it was turned off; its waiting deliveries resume.
     */
    @Transactional
    public WebhookSubscription update(UUID id, String url, List<String> events, String secret, boolean active) {
        checkTarget(url);
        get(id);
        jdbc.update("""
                UPDATE webhook_subscriptions SET url = ?, events = ?, secret = coalesce(?, secret), active = ?,
                    disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END, updated_at = ?
                WHERE id = ?""", url, checkedEvents(events), secret, active, active, Timestamp.from(clock.instant()), id);
        audit.record("webhook.updated", "webhook", id, null, Map.of("url", url, "events", events, "active", active,
                "secretChanged", secret != null));
        return get(id);
    }

    /** Deletes the subscription and its delivery log; nothing more is sent to it. */
    @Transactional
    public void delete(UUID id) {
        WebhookSubscription subscription = get(id);
        jdbc.update("DELETE FROM webhook_subscriptions WHERE id = ?", id);
        audit.record("webhook.deleted", "webhook", id, null, Map.of("url", subscription.url()));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page<WebhookDelivery> deliveries(UUID subscriptionId, String cursor, int limit) {
        get(subscriptionId);
        Cursors.TimeAndId before = cursor == null ? null : Cursors.decodeTimeAndId(cursor);
        List<WebhookDelivery> rows = before == null
                ? jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE subscription_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                        DELIVERY, subscriptionId, limit + 1)
                : jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE subscription_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?",
                        DELIVERY, subscriptionId, Timestamp.from(before.time()), before.id(), limit + 1);
        return Page.of(rows, limit, d -> Cursors.encode(d.createdAt(), d.id()));
    }

    /** Sends a delivery again from the start (for example after the receiver was fixed), under the same delivery id. */
    @Transactional
    public WebhookDelivery redeliver(UUID subscriptionId, UUID deliveryId) {
        int changed = jdbc.update("""
                UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = ?, delivered_at = NULL
                WHERE id = ? AND subscription_id = ?""", Timestamp.from(clock.instant()), deliveryId, subscriptionId);
        if (changed == 0) {
            throw new NotFoundProblem("No delivery " + deliveryId + " of webhook subscription " + subscriptionId);
        }
        audit.record("webhook.redelivered", "webhook", subscriptionId, null, Map.of("delivery", deliveryId));
        return jdbc.queryForObject("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE id = ?", DELIVERY, deliveryId);
    }

    private static String[] checkedEvents(List<String> events) {
        Set<String> unique = new LinkedHashSet<>(events);
        for (String event : unique) {
            if (!EVENTS.contains(event)) {
                throw new InvalidRequestProblem("events", "unknown event '" + event + "'; known: " + EVENTS.stream().sorted().toList());
            }
        }
        return unique.toArray(String[]::new);
    }

    private static String generatedSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    private static final RowMapper<WebhookSubscription> SUBSCRIPTION = (row, n) -> new WebhookSubscription(
            row.getObject("id", UUID.class), row.getString("url"), strings(row.getArray("events")), row.getBoolean("active"),
            row.getString("disabled_reason"), instant(row, "created_at"), instant(row, "updated_at"));

    private static final RowMapper<WebhookDelivery> DELIVERY = (row, n) -> new WebhookDelivery(
            row.getObject("id", UUID.class), row.getString("event"), row.getObject("event_id", UUID.class),
            WebhookDelivery.Status.valueOf(row.getString("status")), row.getInt("attempts"),
            row.getObject("last_status_code", Integer.class), row.getString("last_error"), instant(row, "created_at"),
            instant(row, "last_attempt_at"), instant(row, "next_attempt_at"), instant(row, "delivered_at"));

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
