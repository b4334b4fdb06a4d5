package io.newsroom.support;

import io.newsroom.NewsroomApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL of one test's own (embedded, on a fixed port and data directory, so that the test can
 * stop it and start it again), and the service running on it: for tests whose service must not
 * share the database with the other tests' (an outage, settings the shared context does not have).
 */
public final class OwnDatabase implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres postgres;

    private OwnDatabase(Path data, int port) throws IOException {
        this.data = data;
        this.port = port;
        start();
    }

    public static OwnDatabase create() throws IOException {
        return new OwnDatabase(Files.createTempDirectory("newsroom-own-pg"), freePort());
    }

    /** Starts the server (again) on the same port and data directory. */
    public void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
    }

    /** Stops the server (a fast shutdown: clients are disconnected at once). */
    public void stop() throws IOException {
        postgres.close();
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** The whole service on this database; {@code settings} are extra command-line properties. */
    public ConfigurableApplicationContext service(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url(),
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(NewsroomApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    /** Stops the server and deletes its data directory: a test run leaves nothing behind in the temporary folder. */
    @Override
    public void close() throws IOException {
        postgres.close();
        FileSystemUtils.deleteRecursively(data);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
