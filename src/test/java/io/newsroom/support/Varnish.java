package io.newsroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Varnish (Debian's varnishd with vmod xkey, installed by tools/test-prerequisites.sh) on a
 * free port of 127.0.0.1, in front of a service instance's port, running the shipped
 * deploy/varnish/newsroom.vcl as deploy/varnish/render-vcl.sh writes it for that port. Its working
 * directory lives in the system's temporary directory and is deleted on {@link #close()}; {@link #stop()} and
 * {@link #start()} take it down and bring it back on the same port, empty, as a restart does.
 */
public final class Varnish implements AutoCloseable {

    private static final Path VCL = Path.of("deploy/varnish/render-vcl.sh");

    private final int port;
    private final Path directory;
    private Process process;

    private Varnish(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** Starts Varnish on a free port in front of the instances listening on these ports of 127.0.0.1. */
    public static Varnish inFrontOf(int... backendPorts) {
        try {
            return onPortInFrontOf(freePort(), backendPorts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Varnish on {@code port} (from {@link #freePort()}: instances told to purge it are started
     * before it, since it needs their ports) in front of the instances on these ports.
     */
    public static Varnish onPortInFrontOf(int port, int... backendPorts) {
        try {
            // varnishd reads the VCL as its own unprivileged user: readable by all, like /etc/varnish, and
            // not under the checkout, which may sit in a directory only its owner can enter (mktemp -d)
            Path directory = Files.createTempDirectory("newsroom-varnish-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))).toAbsolutePath();
            String backends = String.join(",", java.util.Arrays.stream(backendPorts).mapToObj(p -> "127.0.0.1:" + p).toList());
            Process render = new ProcessBuilder("sh", VCL.toString(), backends).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] vcl = render.getInputStream().readAllBytes();
            if (render.waitFor() != 0) {
                throw new IllegalStateException("render-vcl.sh failed");
            }
            Files.write(directory.resolve("newsroom.vcl"), vcl);
            Files.setPosixFilePermissions(directory.resolve("newsroom.vcl"), PosixFilePermissions.fromString("rw-r--r--"));
            Varnish varnish = new Varnish(port, directory);
            try {
                varnish.start();
            } catch (RuntimeException e) {
                varnish.close();
                throw e;
            }
            return varnish;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** (Re)starts varnishd with an empty cache and waits until it accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path log = directory.resolve("varnishd.log");
            process = new ProcessBuilder(varnishd(), "-F", "-a", "127.0.0.1:" + port, "-T", "127.0.0.1:0",
                    "-f", directory.resolve("newsroom.vcl").toString(), "-n", directory.resolve("work").toString(), "-s", "malloc,64m")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!accepts()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String said = Files.readString(log, StandardCharsets.UTF_8);
                    stop();
                    throw new IllegalStateException("varnishd did not start on port " + port + ":\n" + said);
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops varnishd (its cache is gone); the port stays this Varnish's for {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        // The manager process stops its cache child on TERM; the child is made sure of too.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (accepts() && System.nanoTime() < deadline) {
            sleep();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String varnishd() {
        for (String directory : List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin")) {
            if (Files.isExecutable(Path.of(directory, "varnishd"))) {
                return directory + "/varnishd";
            }
        }
        return "varnishd"; // tools/test-prerequisites.sh makes sure it is there
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
