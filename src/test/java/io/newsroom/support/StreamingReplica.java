package io.newsroom.support;

import io.newsroom.NewsroomApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Two PostgreSQL servers of one test's own: a primary and a hot standby streaming from it, made with
 * the embedded binaries only (they hold no {@code pg_basebackup}): the primary is initialised,
 * stopped cleanly, its data directory copied, the copy given {@code standby.signal} and
 * {@code primary_conninfo}, and both started, each on a free port of 127.0.0.1. Either can be stopped
 * and started again on the same port and files; replay can be paused. {@link #close()} stops both and
 * deletes their directories.
 *
 * <p>From outside the test suite ({@code bench/}): {@link #main} starts a pair, prints
 * {@code PRIMARY_URL=...} and {@code REPLICA_URL=...} and keeps it running until its standard input
 * closes (or it is stopped).
 */
public final class StreamingReplica implements AutoCloseable {

    /** Files of a running server that a copy must not take. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final Path primaryData;
    private final Path replicaData;
    private final int primaryPort;
    private final int replicaPort;
    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;

    private StreamingReplica() throws IOException {
        this.primaryData = Files.createTempDirectory("newsroom-primary-pg");
        this.replicaData = Files.createTempDirectory("newsroom-replica-pg");
        this.primaryPort = freePort();
        this.replicaPort = freePort();
    }

    /** A primary and a replica that has replayed everything the primary holds. */
    public static StreamingReplica start() throws IOException {
        StreamingReplica pair = new StreamingReplica();
        try {
            pair.startPrimary();
            pair.primary.close(); // a clean shutdown: the copy is a consistent database at a checkpoint
            pair.copyPrimaryIntoReplica();
            pair.startPrimary();
            pair.startReplica();
            pair.awaitReplayed(Duration.ofSeconds(30));
            return pair;
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    public void startPrimary() throws IOException {
        primary = server(primaryData, primaryPort);
    }

    /** A fast shutdown: clients are disconnected at once. */
    public void stopPrimary() throws IOException {
        primary.close();
    }

    public void startReplica() throws IOException {
        replica = server(replicaData, replicaPort);
    }

    public void stopReplica() throws IOException {
        replica.close();
    }

    private static EmbeddedPostgres server(Path data, int port) throws IOException {
        // synchronous_commit stays on: a commit is in the primary's WAL, and so can be sent, when its client hears of it
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("fsync", "off")
                .setServerConfig("wal_keep_size", "256MB").setServerConfig("hot_standby_feedback", "on")
                // a replica whose primary restarted connects again within half a second (PostgreSQL's default: 5 s)
                .setServerConfig("wal_retrieve_retry_interval", "500ms")
                .setPGStartupWait(Duration.ofSeconds(30)).start();
    }

    private void copyPrimaryIntoReplica() throws IOException {
        try (Stream<Path> files = Files.walk(primaryData)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = replicaData.resolve(primaryData.relativize(from).toString());
                if (NOT_COPIED.contains(from.getFileName().toString()) && !from.equals(primaryData)) {
                    continue;
                }
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Files.writeString(replicaData.resolve("standby.signal"), "");
        Files.writeString(replicaData.resolve("postgresql.auto.conf"),
                "\nprimary_conninfo = 'host=127.0.0.1 port=%d user=postgres application_name=newsroom_replica'\n".formatted(primaryPort),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public String primaryUrl() {
        return url(primaryPort);
    }

    public String replicaUrl() {
        return url(replicaPort);
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /**
     * Holds the replica's replay where it is (WAL still arrives): what a lagging replica looks like.
     * Returns once replay has stopped (a pause is asked for, and takes effect at the next record).
     */
    public void pauseReplay() {
        onReplica("SELECT pg_wal_replay_pause()");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"paused".equals(onReplica("SELECT pg_get_wal_replay_pause_state()"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Replay did not pause");
            }
            sleep(10);
        }
    }

    public void resumeReplay() {
        onReplica("SELECT pg_wal_replay_resume()");
    }

    /** Waits until the replica has replayed everything the primary had written when this was called. */
    public void awaitReplayed(Duration timeout) {
        String primaryLsn = query(primaryUrl(), "SELECT pg_current_wal_lsn()::text");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String behind = query(replicaUrl(), "SELECT (pg_last_wal_replay_lsn() < '" + primaryLsn + "'::pg_lsn)::text");
            if ("false".equals(behind)) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("The replica did not replay " + primaryLsn + " within " + timeout);
    }

    /** One value from a statement on the primary. */
    public String onPrimary(String sql) {
        return query(primaryUrl(), sql);
    }

    /** One value from a statement on the replica. */
    public String onReplica(String sql) {
        return query(replicaUrl(), sql);
    }

    private static String query(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet rows = statement.getResultSet()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }

    /**
     * The whole service on the primary, reading readers' requests from the replica; {@code settings}
     * are extra command-line properties.
     */
    public ConfigurableApplicationContext service(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + primaryUrl(), "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--newsroom.read-replica.url=" + replicaUrl()));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(NewsroomApplication.class).run(args.toArray(String[]::new));
    }

    /** Stops both servers and deletes their directories: nothing is left behind in the temporary folder. */
    @Override
    public void close() throws IOException {
        closeQuietly(replica);
        closeQuietly(primary);
        FileSystemUtils.deleteRecursively(replicaData);
        FileSystemUtils.deleteRecursively(primaryData);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            // already stopped by the test
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a pair for a benchmark script, prints its URLs, and stops it when standard input closes. */
    public static void main(String[] args) throws IOException {
        StreamingReplica started = start();
        // stopped by a signal too (Ctrl-C, kill): the servers stop and their files go
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException e) {
                System.err.println("The replica pair did not stop cleanly: " + e);
            }
        }));
        try (StreamingReplica pair = started) {
            System.out.println("PRIMARY_URL=" + pair.primaryUrl());
            System.out.println("REPLICA_URL=" + pair.replicaUrl());
            System.out.flush();
            try {
                while (System.in.read() >= 0) {
                    // until the script closes our input
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
