package io.newsroom.article;

import io.newsroom.problem.DatabaseUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes scheduled articles whose time has come, once each, however many instances run.
 * Each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}: another instance skips them, and once
 * this one commits they are no longer SCHEDULED, so PostgreSQL's re-check of a row updated meanwhile
 * leaves them out too. Readers see a scheduled article from its time on even before this runs (the
 * visibility rule reads {@code published_at}); this makes the status true and fires {@code article.published}.
 */
@Component
class ScheduledPublishing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final ArticleService articles;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Timer lateness;
    private volatile boolean running;

    ScheduledPublishing(JdbcTemplate jdbc, ArticleService articles, PlatformTransactionManager transactionManager, MeterRegistry registry,
                        Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        // Readers see a scheduled article at its time whether or not this has run; the lateness is how
        // long the status (and the article.published webhook) lagged behind that time.
        this.lateness = Timer.builder("newsroom.scheduled.lateness")
                .description("How long after its planned time a scheduled article was marked published (and announced)")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @Override
    public void start() {
        running = true;
    }

    /** No new batch starts once the instance is stopping; one in progress commits or rolls back whole. */
    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After downtime, whatever fell due meanwhile is published before the service reports ready. */
    @EventListener(ApplicationReadyEvent.class)
    void publishOverdueAtStartup() {
        int published = publishDue();
        if (published > 0) {
            log.info("Published {} scheduled articles that fell due while the service was down", published);
        }
    }

    @Scheduled(fixedDelayString = "${newsroom.scheduling.interval:1s}", initialDelayString = "${newsroom.scheduling.interval:1s}")
    void run() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            // Nothing is lost: what falls due meanwhile is published on the first run after the outage.
            log.warn("Scheduled publishing skipped: the database cannot be reached ({})", e.getMessage());
        }
    }

    /** Publishes every due article, a batch per transaction; returns how many. */
    int publishDue() {
        int total = 0;
        int published;
        do {
            if (!running) {
                return total;
            }
            published = transaction.execute(status -> publishBatch());
            total += published;
        } while (published == BATCH);
        return total;
    }

    private int publishBatch() {
        List<Map.Entry<UUID, Instant>> due = jdbc.query("""
                SELECT id, published_at FROM articles a
                WHERE status = 'SCHEDULED' AND """ + " " + ReaderVisibility.articleNow("a") + """
                ORDER BY visible_from, id
                LIMIT ? FOR UPDATE SKIP LOCKED""", (row, n) -> Map.entry(row.getObject("id", UUID.class),
                row.getTimestamp("published_at").toInstant()), BATCH);
        for (Map.Entry<UUID, Instant> article : due) {
            articles.publishAsScheduled(article.getKey());
            lateness.record(Duration.between(article.getValue(), clock.instant()));
        }
        return due.size();
    }
}
