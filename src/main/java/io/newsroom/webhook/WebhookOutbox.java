package io.newsroom.webhook;

import io.newsroom.article.ArticleEvent;
import io.newsroom.content.SiteProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each {@link ArticleEvent} into one pending delivery per active subscription that wants it,
 * in the transaction of the change: the delivery exists exactly when the change was committed, and
 * survives a crash before it is sent. The body is fixed here; only the signature differs per attempt.
 */
@Component
class WebhookOutbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final SiteProperties site;
    private final WebhookDispatcher dispatcher;

    WebhookOutbox(JdbcTemplate jdbc, JsonMapper json, SiteProperties site, WebhookDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.json = json;
        this.site = site;
        this.dispatcher = dispatcher;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void record(ArticleEvent event) {
        jdbc.update("""
                INSERT INTO webhook_deliveries (id, subscription_id, event, event_id, payload, status, next_attempt_at, created_at)
                SELECT gen_random_uuid(), s.id, ?, ?, ?, 'PENDING', ?, ?
                FROM webhook_subscriptions s WHERE s.active AND ? = ANY (s.events)""",
                event.type().wireName(), event.eventId(), json.writeValueAsString(payload(event)),
                Timestamp.from(event.occurredAt()), Timestamp.from(event.occurredAt()), event.type().wireName());
    }

    /** Local deliveries go out right after commit instead of at the next poll. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void wakeDispatcher(ArticleEvent event) {
        dispatcher.wakeUp();
    }

    private Map<String, Object> payload(ArticleEvent event) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", event.articleId());
        article.put("slug", event.slug());
        article.put("headline", event.headline());
        article.put("language", event.language());
        article.put("direction", event.direction());
        article.put("status", event.status());
        article.put("publishedAt", text(event.publishedAt()));
        article.put("updatedAt", text(event.updatedAt()));
        article.put("version", event.version());
        article.put("url", site.articleUrl(event.slug()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.type().wireName());
        body.put("eventId", event.eventId());
        body.put("occurredAt", text(event.occurredAt()));
        body.put("article", article);
        return body;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
