package io.newsroom.cdn;

import io.newsroom.content.ArticlesChanged;
import io.newsroom.replica.ReadersCatchUp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the purges the triggers of V29 wrote, on every instance that has a CDN configured. A batch is
 * claimed in one statement ({@code FOR UPDATE SKIP LOCKED}, so two instances never take the same
 * purge) that counts the attempt and reserves the rows past the attempt's longest duration: if the
 * sender dies mid-attempt (kill -9), the purges become due again when the claim runs out and whoever
 * runs sends them. Their keys go out without repeats, in as few calls as the CDN takes, and only once
 * readers' database has the changes ({@link ReadersCatchUp}): purged earlier, the CDN would fetch the
 * old page again from a replica that has not replayed them. A CDN that fails or hangs delays only its
 * purges, retried with backoff; editors' saves only ever write rows.
 */
@Component
class CdnPurgeWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CdnPurgeWorker.class);
    private static final Duration CATCH_UP_STEP = Duration.ofSeconds(1);

    record Claimed(long id, String key) {
    }

    private final JdbcTemplate jdbc;
    private final CdnProperties properties;
    private final ReadersCatchUp readers;
    private final CdnPurgeMetrics metrics;
    private final Optional<Purger> purger;
    private final UUID instance = UUID.randomUUID();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService poller;

    CdnPurgeWorker(JdbcTemplate jdbc, CdnProperties properties, ReadersCatchUp readers, CdnPurgeMetrics metrics, JsonMapper json) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.readers = readers;
        this.metrics = metrics;
        this.purger = Purgers.configured(properties, json);
    }

    @Override
    public synchronized void start() {
        running = true;
        if (purger.isEmpty()) {
            return;
        }
        log.info("CDN purging on: {}", purger.get().name());
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cdn-purge");
            thread.setDaemon(true);
            return thread;
        });
        pollQueued.set(false);
        announce();
        // Its own schedule rather than the application's scheduler: looking for purges never waits
        // behind other scheduled work, and never holds it up either.
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::wakeUp, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Stops sending; a batch in flight is abandoned and, its claim run out, sent by whoever runs. */
    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
            try {
                jdbc.update("DELETE FROM cdn_purge_senders WHERE instance_id = ?", instance);
            } catch (RuntimeException e) {
                log.debug("Could not withdraw as a CDN purge sender: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * While an instance with a CDN says it is here, changes write purges (V29, {@code cdn_purges_wanted}).
     * Every instance, CDN or not, drops purges past {@code expire-after}: the table never grows unbounded.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void announceAndExpire() {
        try {
            if (purger.isPresent() && running) {
                announce();
            }
            int expired = jdbc.update("DELETE FROM cdn_purges WHERE created_at < now() - make_interval(secs => ?)",
                    properties.expireAfter().toSeconds());
            if (expired > 0) {
                metrics.expired(expired);
                log.warn("Dropped {} CDN purges not sent within {}", expired, properties.expireAfter());
            }
        } catch (RuntimeException e) {
            log.warn("CDN purge upkeep failed ({}); trying again in a minute", e.getMessage());
        }
    }

    private void announce() {
        jdbc.update("""
                INSERT INTO cdn_purge_senders (instance_id, seen_at) VALUES (?, now())
                ON CONFLICT (instance_id) DO UPDATE SET seen_at = excluded.seen_at""", instance);
    }

    /** A change heard on the database (from any instance) has its purges written: look now. */
    @EventListener
    void changed(ArticlesChanged change) {
        wakeUp();
    }

    /** Looks for due purges now (at most one look is queued at a time). */
    void wakeUp() {
        if (running && purger.isPresent() && pollQueued.compareAndSet(false, true)) {
            try {
                poller.execute(this::sendDue);
            } catch (RejectedExecutionException stopping) {
                pollQueued.set(false);
            }
        }
    }

    private void sendDue() {
        pollQueued.set(false);
        try {
            List<Claimed> claimed;
            do {
                claimed = claim();
                if (!claimed.isEmpty() && !send(claimed)) {
                    return;
                }
            } while (claimed.size() == properties.batchSize() && running);
        } catch (RuntimeException e) {
            log.warn("Could not send CDN purges: {}", e.getMessage());
        }
    }

    private List<Claimed> claim() {
        return jdbc.query("""
                UPDATE cdn_purges SET attempts = attempts + 1, due_at = now() + make_interval(secs => ?)
                WHERE id IN (SELECT id FROM cdn_purges WHERE due_at <= now() ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, purge_key""",
                (row, n) -> new Claimed(row.getLong("id"), row.getString("purge_key")), claimTimeout().toMillis() / 1000.0,
                properties.batchSize());
    }

    /** False when the instance stopped first (the claim then runs out and the purges are sent by whoever runs). */
    private boolean send(List<Claimed> claimed) {
        Long[] ids = claimed.stream().map(Claimed::id).toArray(Long[]::new);
        while (!readers.awaitCommitted(CATCH_UP_STEP)) {
            if (!running) {
                return false;
            }
            // Still ours while readers catch up: no other instance takes these over meanwhile.
            update("UPDATE cdn_purges SET due_at = now() + make_interval(secs => ?) WHERE id = ANY (?)", claimTimeout().toMillis() / 1000.0, ids);
        }
        List<String> keys = claimed.stream().map(Claimed::key).distinct().sorted().toList();
        Purger cdn = purger.orElseThrow();
        long started = System.nanoTime();
        try {
            cdn.purge(keys);
        } catch (Purger.PurgeFailed e) {
            metrics.failed(cdn.name(), keys.size(), Duration.ofNanos(System.nanoTime() - started));
            log.warn("CDN purge of {} keys failed ({}); trying again with backoff", keys.size(), e.getMessage());
            update("""
                    UPDATE cdn_purges SET last_error = ?,
                        due_at = now() + make_interval(secs => least(? * power(2, least(attempts - 1, 30)), ?))
                    WHERE id = ANY (?)""",
                    e.getMessage(), properties.initialBackoff().toMillis() / 1000.0, properties.maxBackoff().toMillis() / 1000.0, ids);
            return running;
        }
        metrics.sent(cdn.name(), keys.size(), Duration.ofNanos(System.nanoTime() - started));
        update("DELETE FROM cdn_purges WHERE id = ANY (?)", (Object) ids);
        return true;
    }

    private void update(String sql, Object... arguments) {
        jdbc.update(sql, statement -> {
            for (int i = 0; i < arguments.length; i++) {
                Object argument = arguments[i];
                if (argument instanceof Long[] ids) {
                    statement.setArray(i + 1, statement.getConnection().createArrayOf("bigint", ids));
                } else {
                    statement.setObject(i + 1, argument);
                }
            }
        });
    }

    /** Longer than a batch can take (each call within the timeouts), so a batch is only taken over from a sender that died. */
    private Duration claimTimeout() {
        return properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(4).plusSeconds(5);
    }
}
