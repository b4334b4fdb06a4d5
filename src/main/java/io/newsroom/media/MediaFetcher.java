package io.newsroom.media;

import io.newsroom.outbound.OutboundTargets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Fetches a photo from a URL into a temporary file the way feeds are fetched: every hop checked by
 * the outbound-target rule (no loopback, private, link-local or metadata address unless allowed), at
 * most {@code maxRedirects} redirects, one deadline for the whole fetch, and never more than the
 * photo size limit read: a bigger or endless body is cut off there.
 */
@Component
class MediaFetcher {

    /** A fetched file, or why there is none. */
    record Fetched(Path file, String error) {
    }

    private static final String USER_AGENT = "Newsroom photo fetcher (+https://github.com/newsroom)";
    /** Copies block on the network: threads of their own, not the common pool the rest of the JVM shares. */
    private static final java.util.concurrent.ExecutorService COPIES = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "media-fetch");
        thread.setDaemon(true);
        return thread;
    });

    private final MediaProperties properties;
    private final HttpClient http;

    MediaFetcher(MediaProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.fetch().connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Fetched fetch(String url) {
        long timeout = properties.fetch().readTimeout().toNanos();
        long deadline = System.nanoTime() + timeout;
        String current = url;
        for (int hop = 0; hop <= properties.fetch().maxRedirects(); hop++) {
            Optional<String> refused = OutboundTargets.refusal(current, properties.fetch().allowPrivateTargets());
            if (refused.isPresent()) {
                return failure("The URL " + current + " " + refused.get());
            }
            HttpResponse<InputStream> response;
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(current)).GET().timeout(properties.fetch().readTimeout())
                        .header("User-Agent", USER_AGENT).header("Accept", "image/webp, image/jpeg, image/png, image/gif;q=0.9, */*;q=0.1").build();
                CompletableFuture<HttpResponse<InputStream>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
                try {
                    response = future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    return failure(timedOut());
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    // the client's own timeout (the request's) can fire a hair before the deadline above: one reason either way
                    return failure(timedOut());
                }
                return failure("Could not fetch the photo: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure("Interrupted");
            } catch (IllegalArgumentException e) {
                return failure("The URL is not valid");
            }
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                closeQuietly(response.body());
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return failure("A redirect without a Location");
                }
                try {
                    current = URI.create(current).resolve(location.get().strip()).toString();
                } catch (IllegalArgumentException e) {
                    return failure("A redirect to an invalid URL");
                }
                continue;
            }
            if (status < 200 || status >= 300) {
                closeQuietly(response.body());
                return failure("The photo's server answered " + status);
            }
            return download(response.body(), deadline);
        }
        return failure("More than " + properties.fetch().maxRedirects() + " redirects");
    }

    private Fetched download(InputStream body, long deadline) {
        Path file;
        try {
            file = Files.createTempFile("newsroom-media-", ".fetched");
        } catch (IOException e) {
            closeQuietly(body);
            return failure("No room for the photo: " + e.getMessage());
        }
        long max = properties.maxBytes().toBytes();
        CompletableFuture<String> copy = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[65536];
                long total = 0;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > max) {
                        return "The photo is larger than " + max + " bytes";
                    }
                    out.write(buffer, 0, read);
                }
                return total == 0 ? "The photo's server sent an empty body" : null;
            } catch (IOException e) {
                return "The photo could not be read: " + e.getMessage();
            }
        }, COPIES);
        String error;
        try {
            error = copy.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            closeQuietly(body); // ends the copy's blocked read
            error = timedOut();
        } catch (ExecutionException e) {
            error = "The photo could not be read";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted";
        }
        if (error != null) {
            deleteQuietly(file);
            return failure(error);
        }
        return new Fetched(file, null);
    }

    private String timedOut() {
        return "Timed out after " + properties.fetch().readTimeout().toSeconds() + " s";
    }

    private static Fetched failure(String error) {
        return new Fetched(null, error);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary directory is cleaned by the system
        }
    }
}
