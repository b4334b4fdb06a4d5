package io.newsroom.replica;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.replica.ReplicaRouting.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Measures how far the replica is behind the primary, several times a second, and sends readers to
 * the primary while it is further behind than {@code NEWSROOM_READ_REPLICA_MAX_LAG} or cannot be
 * reached; they go back once it has replayed everything the primary had written before the check.
 *
 * <p>Lag is time, measured by positions: each check notes the primary's WAL position and when it was
 * seen; the replica's lag is how long ago the primary was first seen at a position the replica has not
 * replayed yet (zero once it has replayed all). Unlike {@code now() - pg_last_xact_replay_timestamp()}
 * this does not grow on a quiet site where nothing is written.
 *
 * <p>Metrics: {@code newsroom_replica_lag_seconds}, {@code newsroom_replica_readers} (1 while readers
 * read the replica), {@code newsroom_replica_reads_total{target}} (readers' transactions by where they
 * read) and {@code newsroom_replica_switches_total{to}}.
 */
class ReplicaMonitor implements SmartLifecycle {

    static final Duration CHECK_EVERY = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);
    /** Positions older than this many checks are forgotten: lag beyond it is far above any sensible maximum. */
    private static final int REMEMBERED = 6000;

    private record Seen(long position, long atNanos) {
    }

    private final ReplicaRouting routing;
    private final long maxLagNanos;
    private final Deque<Seen> unreplayed = new ArrayDeque<>();
    private volatile double lagSeconds;
    private volatile boolean running;
    private Thread thread;

    ReplicaMonitor(ReplicaRouting routing, MeterRegistry registry) {
        this.routing = routing;
        this.maxLagNanos = routing.properties().maxLag().toNanos();
        routing.instrument(registry);
        Gauge.builder("newsroom.replica.lag", this, monitor -> monitor.lagSeconds).baseUnit("seconds")
                .description("How long ago the primary wrote what the replica has not replayed yet").register(registry);
        Gauge.builder("newsroom.replica.readers", routing, r -> r.readersOnReplica() ? 1 : 0)
                .description("1 while readers' requests read the replica, 0 while they read the primary").register(registry);
        for (Target target : Target.values()) {
            String name = target.name().toLowerCase(java.util.Locale.ROOT);
            FunctionCounter.builder("newsroom.replica.reads", routing, r -> r.reads(target)).tag("target", name)
                    .description("Readers' transactions by the database they read").register(registry);
            FunctionCounter.builder("newsroom.replica.switches", routing, r -> r.switchesTo(target)).tag("to", name)
                    .description("Times readers were sent to the primary (lag, lost replica) or back to the replica").register(registry);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::watch, "replica-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void watch() {
        while (running) {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("Read replica: checking the replica failed", e);
            }
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One check: the primary's position first, then the replica's, so "replayed" means replayed as of the first. */
    void check() {
        Long primary = position(routing.primary(), WalPosition.PRIMARY);
        long now = System.nanoTime();
        Long replayed = position(routing.replica(), WalPosition.REPLAYED);
        if (replayed == null) {
            lagSeconds = Double.NaN;
            routing.turnTo(Target.PRIMARY, "the replica cannot be reached");
            return;
        }
        if (primary == null) {
            // nothing can be written while the primary is down: the replica holds all there is
            return;
        }
        synchronized (unreplayed) {
            if (unreplayed.isEmpty() || unreplayed.peekLast().position() < primary) {
                unreplayed.addLast(new Seen(primary, now));
            }
            while (!unreplayed.isEmpty() && (unreplayed.peekFirst().position() <= replayed || unreplayed.size() > REMEMBERED)) {
                unreplayed.removeFirst();
            }
            long lag = unreplayed.isEmpty() ? 0 : now - unreplayed.peekFirst().atNanos();
            lagSeconds = lag / 1e9;
            if (lag > maxLagNanos) {
                routing.turnTo(Target.PRIMARY, "the replica is %.1f s behind".formatted(lagSeconds));
            } else if (replayed >= primary) {
                routing.turnTo(Target.REPLICA, "it has replayed all the primary had written");
            }
        }
    }

    /** A WAL position (bytes), or null when the server cannot be reached. */
    private static Long position(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet rows = statement.executeQuery(sql)) {
                if (!rows.next()) {
                    return null;
                }
                return rows.getMetaData().getColumnCount() == 1 ? rows.getLong(1)
                        : WalPosition.lastRecordEnd(rows.getLong(1), rows.getLong(2), rows.getLong(3));
            }
        } catch (SQLException e) {
            return null;
        }
    }
}
