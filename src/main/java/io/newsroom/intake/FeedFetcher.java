package io.newsroom.intake;

import io.newsroom.outbound.OutboundTargets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Fetches a feed the way a polite, careful reader does: a conditional GET (If-None-Match,
 * If-Modified-Since), gzip accepted, at most {@code maxRedirects} redirects, each hop checked against
 * the outbound-target rule, one deadline for the whole fetch, and never more than {@code maxSize}
 * bytes read, compressed or not: a bigger or endless body is cut off there.
 */
@Component
class FeedFetcher {

    /**
     * The answer to one fetch; {@code body} is null for a 304 or a failure. {@code contentType}: the
     * header, whose charset decides how the body is read. {@code permanentUrl}: where a 301/308 sent it.
     */
    record Fetched(int status, byte[] body, String contentType, String etag, String lastModified, String permanentUrl, String error) {
        boolean notModified() {
            return status == 304;
        }

        boolean ok() {
            return error == null && status >= 200 && status < 300 && body != null;
        }
    }

    private static final String USER_AGENT = "Newsroom feed reader (+https://github.com/newsroom)";

    private final FeedProperties properties;
    private final HttpClient http;

    FeedFetcher(FeedProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Fetched fetch(String url, String etag, String lastModified) {
        long deadline = System.nanoTime() + properties.readTimeout().toNanos();
        String current = url;
        String permanent = null;
        boolean onlyPermanent = true;
        for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
            Optional<String> refused = OutboundTargets.refusal(current, properties.allowPrivateTargets());
            if (refused.isPresent()) {
                return failure(0, "The feed URL " + current + " " + refused.get(), permanent);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(current)).GET()
                    .timeout(properties.readTimeout())
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
                    .header("Accept-Encoding", "gzip");
            // The validators belong to the URL they came from: sent only while no redirect has intervened.
            if (hop == 0 && etag != null) {
                request.header("If-None-Match", etag);
            }
            if (hop == 0 && lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<byte[]> response;
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return failure(0, "Timed out after " + properties.readTimeout().toSeconds() + " s", permanent);
                }
                CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request.build(), info -> capped(maxBytes()));
                try {
                    response = future.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    return failure(0, "Timed out after " + properties.readTimeout().toSeconds() + " s", permanent);
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof TooLarge) {
                    return failure(0, "The feed is larger than " + maxSizeText() + "; it was cut off there", permanent);
                }
                return failure(0, "Could not fetch the feed: " + describe(cause), permanent);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure(0, "Interrupted", permanent);
            } catch (IllegalArgumentException e) {
                return failure(0, "The feed URL is not valid: " + e.getMessage(), permanent);
            }
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return failure(status, "A redirect without a Location", permanent);
                }
                String next = URI.create(current).resolve(location.get().strip()).toString();
                onlyPermanent &= status == 301 || status == 308;
                if (onlyPermanent) {
                    permanent = next; // a chain of permanent moves: the feed lives at the end of it now
                }
                current = next;
                continue;
            }
            if (status == 304) {
                return new Fetched(304, null, null, etag, lastModified, permanent, null);
            }
            if (status < 200 || status >= 300) {
                return failure(status, "The feed's server answered " + status, permanent);
            }
            byte[] body = response.body();
            if (response.headers().firstValue("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false)) {
                try {
                    body = gunzip(body);
                } catch (TooLarge e) {
                    return failure(status, "The feed is larger than " + maxSizeText() + " once uncompressed; it was cut off there", permanent);
                } catch (IOException e) {
                    return failure(status, "The feed's gzip body is broken: " + e.getMessage(), permanent);
                }
            }
            HttpHeaders headers = response.headers();
            return new Fetched(status, body, headers.firstValue("Content-Type").orElse(null), headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null), permanent, null);
        }
        return failure(0, "More than " + properties.maxRedirects() + " redirects", permanent);
    }

    private int maxBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 8, properties.maxSize().toBytes());
    }

    /** The cap as an editor reads it: "5 MB", "512 KB", else bytes. */
    private String maxSizeText() {
        long bytes = properties.maxSize().toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private byte[] gunzip(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > maxBytes()) {
                    throw new TooLarge(); // a gzip bomb is cut off like an endless body
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }

    private static Fetched failure(int status, String error, String permanent) {
        return new Fetched(status, null, null, null, null, permanent, error);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The body as bytes, at most {@code limit} of them: one more and the fetch fails and the connection is dropped. */
    private static HttpResponse.BodySubscriber<byte[]> capped(int limit) {
        return new HttpResponse.BodySubscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private final CompletableFuture<byte[]> result = new CompletableFuture<>();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<byte[]> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                for (ByteBuffer buffer : buffers) {
                    if (bytes.size() + buffer.remaining() > limit) {
                        subscription.cancel();
                        result.completeExceptionally(new TooLarge());
                        return;
                    }
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.writeBytes(chunk);
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable throwable) {
                result.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toByteArray());
            }
        };
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }
}
