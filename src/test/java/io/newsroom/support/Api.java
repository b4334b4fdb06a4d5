package io.newsroom.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for end-to-end tests (the JDK's), so requests cross the same socket, filters and
 * converters as a newsroom tool's would. Bodies that are not Strings are sent as JSON.
 */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final JsonMapper json;
    private final String key;

    /** The content API's path of an article, its slug encoded as a path segment. */
    public static String articlePath(String slug) {
        return "/api/content/articles/" + encode(slug).replace("+", "%20");
    }

    /** Text for a query parameter or path segment (Arabic slugs, tag names). */
    public static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    public Api(int port, JsonMapper json) {
        this("http://127.0.0.1:" + port, json, null);
    }

    private Api(String baseUrl, JsonMapper json, String key) {
        this.baseUrl = baseUrl;
        this.json = json;
        this.key = key;
    }

    /** The same client, sending {@code Authorization: Bearer <key>}. */
    public Api as(String apiKey) {
        return new Api(baseUrl, json, apiKey);
    }

    public Result get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Result post(String path, Object body, String... headers) {
        return send("POST", path, "application/json", body, headers);
    }

    public Result put(String path, Object body, String... headers) {
        return send("PUT", path, "application/json", body, headers);
    }

    public Result patch(String path, Object body, String... headers) {
        return send("PATCH", path, "application/merge-patch+json", body, headers);
    }

    public Result delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** POSTs a body produced while it is sent (chunked, no length): what a tool streaming a large import does. */
    public Result postStream(String path, String contentType, java.util.function.Supplier<java.io.InputStream> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return execute(request.build());
    }

    /** Any method, content type and body, for requests that are wrong on purpose. */
    public Result send(String method, String path, String contentType, Object body, String... headers) {
        // Arabic slugs and queries travel percent-encoded as UTF-8, as browsers send them.
        URI uri = URI.create(URI.create(baseUrl + path).toASCIIString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        List<String> all = new ArrayList<>(List.of(headers));
        if (key != null) {
            all.addAll(List.of("Authorization", "Bearer " + key));
        }
        if (contentType != null) {
            all.addAll(List.of("Content-Type", contentType));
        }
        for (int i = 0; i < all.size(); i += 2) {
            request.header(all.get(i), all.get(i + 1));
        }
        String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        return execute(request.build());
    }

    private Result execute(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Result(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(int status, HttpResponse<String> response, JsonMapper mapper) {

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return mapper.readTree(response.body());
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }
}
