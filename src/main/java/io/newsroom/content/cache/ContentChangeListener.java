package io.newsroom.content.cache;

import io.newsroom.content.ArticlesChanged;
import io.newsroom.problem.DatabaseUnavailable;
import io.newsroom.replica.ReadersCatchUp;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the PostgreSQL channel {@code newsroom_content} (migration V3) and clears this
 * instance's response cache on every committed change, from whichever instance or tool it came.
 * While the listening connection is down the cache serves nothing as current, so a missed
 * notification can never leave a stale page behind; when it cannot connect because the database is
 * unreachable it says so, and the cache serves its last copies marked as stale. It tries again every
 * second, and empties the cache once it hears the database again. Its state is part of readiness.
 * It also hears which articles changed (channel {@code newsroom_articles}) and passes that on as
 * {@link ArticlesChanged}, for what other modules keep in memory.
 *
 * <p>It listens on the primary (a hot standby cannot {@code LISTEN}). With readers on a read replica, a
 * change is acted on only once the replica has replayed it ({@link ReadersCatchUp}): emptied earlier,
 * the cache would be filled again with the old version from the replica. Until then the cache keeps
 * serving the version it holds, which is what the replica would answer anyway.
 */
@Component
class ContentChangeListener implements SmartLifecycle {

    static final String CHANNEL = "newsroom_content";
    /** Which articles changed (migration V10), for what is kept in memory about them. */
    static final String ARTICLES_CHANNEL = "newsroom_articles";
    private static final Logger log = LoggerFactory.getLogger(ContentChangeListener.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** How long one wait for the replica lasts before the listening connection is checked again. */
    private static final Duration CATCH_UP = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ContentResponseCache cache;
    private final ApplicationEventPublisher events;
    private final ReadersCatchUp readers;
    private volatile boolean running;
    private Thread thread;

    ContentChangeListener(DataSource dataSource, ContentResponseCache cache, ApplicationEventPublisher events, ReadersCatchUp readers) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.events = events;
        this.readers = readers;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "content-change-listener");
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

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + ARTICLES_CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                if (!cache.isListening()) {
                    log.info("Listening for content changes on {}", CHANNEL);
                }
                // from here on no change can go unheard; what came before is read again in full, once readers can read it
                awaitReaders(connection);
                events.publishEvent(ArticlesChanged.all());
                cache.enable();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        awaitReaders(connection);
                        // memory about articles first: a response computed after the cache empties must see the change
                        articlesChanged(notifications);
                        cache.invalidateAll();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                boolean wasListening = cache.isListening();
                cache.disable();
                cache.databaseUnreachable(DatabaseUnavailable.isCause(e));
                if (running) {
                    if (wasListening) {
                        log.warn("Listening for content changes failed ({}); public responses are not served from memory until it recovers",
                                e.getMessage());
                    }
                    sleep();
                }
            }
        }
        cache.disable();
    }

    /** Until readers can read what the notifications announced; the listening connection must stay up meanwhile. */
    private void awaitReaders(Connection connection) throws SQLException {
        while (running && !readers.awaitCommitted(CATCH_UP)) {
            if (!connection.isValid(1)) {
                throw new SQLException("The listening connection was lost while waiting for the read replica", "08006");
            }
        }
    }

    private void articlesChanged(PGNotification[] notifications) {
        Set<UUID> ids = new HashSet<>();
        for (PGNotification notification : notifications) {
            if (!ARTICLES_CHANNEL.equals(notification.getName())) {
                continue;
            }
            if ("*".equals(notification.getParameter())) {
                events.publishEvent(ArticlesChanged.all());
                return;
            }
            for (String id : notification.getParameter().split(",")) {
                ids.add(UUID.fromString(id));
            }
        }
        if (!ids.isEmpty()) {
            events.publishEvent(new ArticlesChanged(ids, false));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
