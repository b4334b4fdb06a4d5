package io.newsroom.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsroom.support.Varnish;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * deploy/varnish/newsroom.vcl's caching rules, in front of a stand-in backend whose answers a test
 * chooses (the service itself: VarnishIT): what it keeps, and that it serves a kept copy for the
 * response's stale-if-error while the backend fails.
 */
class VarnishConfigurationIT {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger version = new AtomicInteger(1);
    private volatile boolean failing;
    private HttpServer backend;
    private Varnish varnish;

    @BeforeEach
    void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = ("version " + version.get()).getBytes(StandardCharsets.UTF_8);
            int status = 200;
            if (failing) {
                status = 503;
            } else if (path.equals("/api/content/private")) {
                exchange.getResponseHeaders().add("Cache-Control", "private, max-age=60");
            } else {
                exchange.getResponseHeaders().add("Cache-Control", "public, max-age=1, stale-while-revalidate=1, stale-if-error=60");
                exchange.getResponseHeaders().add("Surrogate-Key", "articles article-1");
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        varnish = Varnish.inFrontOf(backend.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (varnish != null) {
            varnish.close();
        }
        backend.stop(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(varnish.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCopyIsServedForItsStaleIfErrorWhileTheServiceFails() throws Exception {
        get("/api/content/articles");
        assertThat(get("/api/content/articles").headers().firstValue("X-Cache")).hasValue("HIT");

        failing = true;
        version.set(2);
        Thread.sleep(Duration.ofSeconds(4).toMillis()); // past max-age and stale-while-revalidate; the probe has seen it sick

        HttpResponse<String> stale = get("/api/content/articles");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo("version 1");
    }

    @Test
    void onlyWhatTheServiceMarksPublicIsKeptAndItsKeysStayInside() throws Exception {
        get("/api/content/private");
        assertThat(get("/api/content/private").headers().firstValue("X-Cache")).hasValue("MISS");

        get("/api/content/articles");
        HttpResponse<String> hit = get("/api/content/articles");
        assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(hit.headers().firstValue("Surrogate-Key")).isEmpty();
        assertThat(hit.headers().firstValue("xkey")).isEmpty();
    }

    @Test
    void aPurgeByKeyDropsTheCopy() throws Exception {
        get("/api/content/articles");
        version.set(2);

        HttpResponse<String> purged = client.send(HttpRequest.newBuilder(URI.create(varnish.url() + "/"))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).header("xkey-purge", "article-1").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(purged.statusCode()).isEqualTo(200);
        assertThat(get("/api/content/articles").body()).isEqualTo("version 2");
    }
}
