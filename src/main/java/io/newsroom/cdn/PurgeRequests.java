package io.newsroom.cdn;

import io.newsroom.cdn.Purger.PurgeFailed;
import io.newsroom.outbound.OutboundTargets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP side every purger shares: one client with the configured timeouts, the outbound guard, and
 * an answer that is either 2xx or a {@link PurgeFailed} saying why.
 */
final class PurgeRequests {

    private final HttpClient http;
    private final CdnProperties properties;

    PurgeRequests(CdnProperties properties) {
        this.properties = properties;
        // HTTP/1.1: a cache taking PURGE need not speak HTTP/2, and no h2c upgrade is offered to it.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A request builder for a configured CDN endpoint. The address rule of {@link OutboundTargets} is
     * lifted: these URLs come from the operator's configuration, never from an API caller, and a
     * Varnish sits inside one's own network; the scheme and credentials rules still hold.
     */
    HttpRequest.Builder to(String url) {
        Optional<String> refused = OutboundTargets.refusal(url, true);
        if (refused.isPresent()) {
            throw new IllegalArgumentException("CDN purge URL " + url + " " + refused.get());
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(properties.readTimeout()).header("User-Agent", "Newsroom-CDN-Purge/1");
    }

    /** Sends; anything but 2xx fails, with the start of the answer's body (CDN APIs say there what was wrong). */
    String send(HttpRequest request) throws PurgeFailed {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new PurgeFailed("interrupted: the instance is stopping");
        } catch (HttpConnectTimeoutException e) {
            throw new PurgeFailed(request.uri().getHost() + ": no connection within " + properties.connectTimeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            throw new PurgeFailed(request.uri().getHost() + ": no answer within " + properties.readTimeout().toMillis() + " ms");
        } catch (ConnectException e) {
            throw new PurgeFailed(request.uri().getHost() + ": connection refused or unreachable");
        } catch (IOException e) {
            throw new PurgeFailed(request.uri().getHost() + ": " + Optional.ofNullable(e.getMessage()).orElse("I/O error"));
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new PurgeFailed(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), 300))));
        }
        return response.body();
    }

    /** The keys in slices of at most {@code size}: each CDN takes a limited number per call. */
    static List<List<String>> slices(List<String> keys, int size) {
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += size) {
            slices.add(keys.subList(from, Math.min(keys.size(), from + size)));
        }
        return slices;
    }
}
