package io.newsroom.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real S3-compatible server on 127.0.0.1: npm's s3rver, which tools/test-prerequisites.sh installs
 * into target/s3rver before the end-to-end tests, run by Node with one bucket and its files in a
 * temporary directory. Its keys are s3rver's fixed ones.
 */
public final class S3rver implements AutoCloseable {

    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";

    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    private final Process process;
    private final Path directory;
    private final int port;
    private final String bucket;

    private S3rver(Process process, Path directory, int port, String bucket) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.bucket = bucket;
    }

    public static S3rver start(String bucket) {
        Path script = Path.of(System.getProperty("newsroom.s3rver", "target/s3rver/node_modules/s3rver/bin/s3rver.js"));
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("s3rver is not installed at " + script + "; ./mvnw verify installs it (tools/test-prerequisites.sh),"
                    + " or run: npm install --prefix target/s3rver s3rver@3.7.1");
        }
        try {
            Path directory = Files.createTempDirectory("s3rver-");
            Process process = new ProcessBuilder("node", script.toString(), "-d", directory.toString(), "-a", "127.0.0.1", "-p", "0",
                    "--configure-bucket", bucket).redirectErrorStream(true).start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            // s3rver logs every request: its output is read to the end, or it would block on a full pipe
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        Matcher m = LISTENING.matcher(line);
                        if (!port.isDone() && m.find()) {
                            port.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                } catch (IOException e) {
                    port.completeExceptionally(e);
                }
                port.completeExceptionally(new IllegalStateException("s3rver stopped before it listened"));
            }, "s3rver-output");
            reader.setDaemon(true);
            reader.start();
            return new S3rver(process, directory, port.get(30, TimeUnit.SECONDS), bucket);
        } catch (Exception e) {
            throw new IllegalStateException("s3rver did not start: " + e.getMessage(), e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String bucket() {
        return bucket;
    }

    /** The bucket's public URL, path style. */
    public String bucketUrl() {
        return endpoint() + "/" + bucket;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
