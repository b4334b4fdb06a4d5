package io.newsroom.support;

import java.util.List;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties every application table in one statement; not Flyway's history, nor cdn_purge_senders: which
 * running instances send CDN purges is theirs to say (each withdraws when it stops), not test content.
 */
public final class DatabaseCleaner {

    private static final int ATTEMPTS = 5;

    private DatabaseCleaner() {
    }

    /**
     * The background workers (scheduled publishing, webhook delivery) query these tables all the time;
     * TRUNCATE's exclusive locks, taken one table at a time, can then deadlock with one of their
     * queries. PostgreSQL cancels one side; when it is the TRUNCATE, it is simply tried again.
     */
    public static void clean(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                SELECT quote_ident(tablename) FROM pg_tables
                WHERE schemaname = current_schema() AND tablename NOT IN ('flyway_schema_history', 'cdn_purge_senders')
                """, String.class);
        if (tables.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
                return;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == ATTEMPTS) {
                    throw deadlock;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw deadlock;
                }
            }
        }
    }
}
