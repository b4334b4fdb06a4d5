package io.newsroom.cdn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 standing in for a CDN's purge API (Fastly's, Cloudflare's, a
 * cache taking PURGE/BAN): it records every request and answers the next scripted reply (200 with
 * {@code {"success": true}} once the script is used up). It can be taken down (connections refused)
 * and brought back on the same port, or made to hold requests open.
 */
final class CdnStandIn implements AutoCloseable {

    record Request(Instant at, String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst()
                    .orElse(null);
        }

        /** The keys a PURGE/BAN or Fastly request carried in {@code header}, space-separated. */
        List<String> keys(String name) {
            String value = header(name);
            return value == null ? List.of() : Arrays.asList(value.split(" "));
        }
    }

    record Reply(int status, String body, boolean holds) {
        static Reply status(int status) {
            return new Reply(status, "", false);
        }

        static Reply json(int status, String body) {
            return new Reply(status, body, false);
        }

        static Reply held() {
            return new Reply(200, "", true);
        }
    }

    private final int port;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hanging;
    private HttpServer server;

    CdnStandIn() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    CdnStandIn thenReply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Holds every request open until {@link #answer()}: a CDN that accepts connections and never answers. */
    void hangAll() {
        hanging = true;
    }

    void answer() {
        hanging = false;
        released.countDown();
        released = new CountDownLatch(1);
    }

    /** Connections are refused from now on. */
    synchronized void down() {
        server.stop(0);
        server = null;
    }

    synchronized void up() {
        if (server == null) {
            server = listen(port);
        }
    }

    void forget() {
        received.clear();
    }

    List<Request> received() {
        return new ArrayList<>(received);
    }

    List<Request> await(Duration timeout, Predicate<List<Request>> condition) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (condition.test(received())) {
                return received();
            }
            sleep(25);
        }
        throw new AssertionError("The CDN stand-in did not get what was expected within " + timeout + "; got " + received());
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            created.setExecutor(threads);
            created.createContext("/", this::handle);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Request(Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Reply reply = script.poll();
        if (reply == null) {
            reply = Reply.json(200, "{\"success\": true, \"errors\": [], \"result\": {}}");
        }
        try {
            if (reply.holds() || hanging) {
                released.await();
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        answer();
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }
}
