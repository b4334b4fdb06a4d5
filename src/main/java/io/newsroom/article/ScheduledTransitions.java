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
import java.util.function.Function;
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
 * Makes the planned lifecycle steps true once their time has come, once each, however many instances
 * run: scheduled articles become PUBLISHED (with {@code article.published}), articles whose planned
 * unpublishing time has passed become UNPUBLISHED (with {@code article.unpublished}), in that order,
 * so an article whose whole window passed while nothing ran is announced both ways.
 *
 * <p>Readers see neither step wait for this job: the visibility rule ({@link ReaderVisibility}) opens
 * and closes an article's window at its times. Each batch locks its rows with
 * {@code FOR UPDATE SKIP LOCKED}: another instance skips them, and once this one commits they no longer
 * match, so PostgreSQL's re-check of a row updated meanwhile leaves them out too.
 */
@Component
class ScheduledTransitions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTransitions.class);
    private static final int BATCH = 100;

    /** One kind of planned step: which rows are due (and their planned time), and the step itself. */
    private record Step(String name, String dueSql, Function<UUID, Article> apply, Timer lateness) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<Step> steps;
    private volatile boolean running;

    ScheduledTransitions(JdbcTemplate jdbc, ArticleService articles, PlatformTransactionManager transactionManager, MeterRegistry registry,
                         Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.steps = List.of(
                new Step("published", "SELECT id, published_at AS due FROM articles a WHERE status = 'SCHEDULED' AND "
                        + ReaderVisibility.opened("a") + " ORDER BY " + ReaderVisibility.lifecycleFrom("a") + ", id LIMIT ? FOR UPDATE SKIP LOCKED",
                        articles::publishAsScheduled, lateness(registry, "published")),
                new Step("unpublished", "SELECT id, unpublish_at AS due FROM articles a WHERE status = 'PUBLISHED' AND "
                        + ReaderVisibility.closed("a") + " ORDER BY visible_until, id LIMIT ? FOR UPDATE SKIP LOCKED",
                        articles::unpublishAsPlanned, lateness(registry, "unpublished")));
    }

    /** How long the status (and its webhook) lagged behind the planned time readers already saw. */
    private static Timer lateness(MeterRegistry registry, String transition) {
        return Timer.builder("newsroom.scheduled.lateness")
                .description("How long after its planned time a scheduled step was made (status set and announced)")
                .tag("transition", transition)
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

    /** After downtime, whatever fell due meanwhile is done before the service reports ready. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStartup() {
        for (Step step : steps) {
            int done = runDue(step);
            if (done > 0) {
                log.info("{} articles {} that fell due while the service was down", done, step.name());
            }
        }
    }

    @Scheduled(fixedDelayString = "${newsroom.scheduling.interval:1s}", initialDelayString = "${newsroom.scheduling.interval:1s}")
    void run() {
        try {
            steps.forEach(this::runDue);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            // Nothing is lost: what falls due meanwhile is done on the first run after the outage.
            log.warn("Scheduled transitions skipped: the database cannot be reached ({})", e.getMessage());
        }
    }

    /** Does every due step of this kind, a batch per transaction; returns how many. */
    int runDue(Step step) {
        int total = 0;
        int done;
        do {
            if (!running) {
                return total;
            }
            done = transaction.execute(status -> runBatch(step));
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int runBatch(Step step) {
        List<Map.Entry<UUID, Instant>> due = jdbc.query(step.dueSql(), (row, n) -> Map.entry(row.getObject("id", UUID.class),
                row.getTimestamp("due").toInstant()), BATCH);
        for (Map.Entry<UUID, Instant> article : due) {
            step.apply().apply(article.getKey());
            step.lateness().record(Duration.between(article.getValue(), clock.instant()));
        }
        return due.size();
    }
}
