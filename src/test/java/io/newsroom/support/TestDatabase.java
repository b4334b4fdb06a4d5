package io.newsroom.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every test runs against, found once per JVM in this order:
 * {@code SPRING_DATASOURCE_URL} (a throwaway database: tests empty its tables), then Docker with
 * Testcontainers {@code postgres:17}, then the embedded PostgreSQL binaries. A failure is cached and
 * rethrown with its reason, so no test ever runs (or silently skips) without a database.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Connection connection;
    private static RuntimeException failure;

    public record Connection(String url, String username, String password, String origin) {
    }

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null && failure == null) {
            try {
                connection = resolve();
                log.info("Test database: {} at {}", connection.origin(), connection.url());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return connection;
    }

    private static Connection resolve() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"),
                    "SPRING_DATASOURCE_URL");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers postgres:17");
        }
        try {
            // Durability is worth nothing in a throwaway test database; these settings make each commit cheap.
            // Race tests deadlock on purpose (one side must end in 409): PostgreSQL's default of a second
            // before it looks for a deadlock is a second of waiting each time.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("deadlock_timeout", "100ms")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded PostgreSQL (no SPRING_DATASOURCE_URL, no Docker engine)");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL for the tests: SPRING_DATASOURCE_URL is unset, Docker does not answer, "
                    + "and the embedded PostgreSQL did not start (as root it needs user namespaces: unshare -U). "
                    + "Point SPRING_DATASOURCE_URL at a throwaway database.", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
