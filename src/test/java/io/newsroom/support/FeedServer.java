package io.newsroom.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 serving feed files the way publishers' servers do: with
 * validators (a conditional GET gets a 304), gzip, redirects, 410, and the misbehaving kinds a
 * poller must survive (slow, endless, huge). It records every request and how many requests for one
 * path were in flight at once.
 */
public final class FeedServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince, String acceptEncoding) {
    }

    /** What the server does for a path. */
    @FunctionalInterface
    public interface Response {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();

    public FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FeedServer serve(String path, Response response) {
        responses.put(path, response);
        return this;
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The most requests for {@code path} the server was answering at one moment. */
    public int mostAtOnce(String path) {
        AtomicInteger most = mostInFlight.get(path);
        return most == null ? 0 : most.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"), exchange.getRequestHeaders().getFirst("Accept-Encoding")));
        int now = inFlight.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        mostInFlight.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try (exchange) {
            Response response = responses.get(path);
            if (response == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            response.answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the poller hung up (a cut-off body, a timeout): nothing to answer any more
        } finally {
            inFlight.get(path).decrementAndGet();
        }
    }

    /** A feed document with an ETag and a Last-Modified; a request carrying either gets a 304 while the document is unchanged. */
    public static Response feed(String contentType, Document document) {
        return exchange -> {
            String body = document.text();
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            String lastModified = "Thu, 03 Dec 2026 10:00:00 GMT";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", lastModified);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A feed document with no validators at all (many small publishers' servers): every poll gets the whole body. */
    public static Response plain(String contentType, Document document) {
        return exchange -> send(exchange, 200, contentType, document.text().getBytes(StandardCharsets.UTF_8));
    }

    /** These exact bytes under this exact Content-Type: a feed in another charset, or with bytes no charset holds. */
    public static Response bytes(String contentType, byte[] body) {
        return exchange -> send(exchange, 200, contentType, body);
    }

    /** The document gzipped, when the request accepts it. */
    public static Response gzip(String contentType, Document document) {
        return exchange -> {
            byte[] body = document.text().getBytes(StandardCharsets.UTF_8);
            String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (accepted != null && accepted.contains("gzip")) {
                ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
                    out.write(body);
                }
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                body = compressed.toByteArray();
            }
            send(exchange, 200, contentType, body);
        };
    }

    /** The same answer, after {@code delay}: a server that takes its time, so that overlapping polls would show. */
    public static Response delayed(Duration delay, Response response) {
        return exchange -> {
            Thread.sleep(delay.toMillis());
            response.answer(exchange);
        };
    }

    public static Response redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    public static Response status(int status) {
        return exchange -> exchange.sendResponseHeaders(status, -1);
    }

    /** Headers at once, then the body a few bytes at a time, {@code pause} apart. */
    public static Response slow(Document document, Duration pause) {
        return exchange -> {
            byte[] body = document.text().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < body.length; i += 16) {
                out.write(body, i, Math.min(16, body.length - i));
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        };
    }

    /** A body that never ends: well-formed items for as long as anyone reads. Counts the bytes it managed to send. */
    public static Response endless(AtomicInteger sent) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>".getBytes(StandardCharsets.UTF_8));
            byte[] item = ("<item><title>خبر بلا نهاية</title><description>" + "نص ".repeat(200) + "</description></item>")
                    .getBytes(StandardCharsets.UTF_8);
            while (!Thread.currentThread().isInterrupted()) {
                out.write(item);
                sent.addAndGet(item.length);
            }
        };
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** A document that can change between polls. */
    @FunctionalInterface
    public interface Document {
        String text();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
