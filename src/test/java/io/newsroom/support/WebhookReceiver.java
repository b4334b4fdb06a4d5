package io.newsroom.support;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 that receives webhooks: it records every request and answers with
 * the next scripted reply (200 once the script is used up). A reply may hold the request open.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(Instant at, String event, String delivery, String signature, String contentType, String body) {
    }

    /** What to answer one request: a status, after a delay, or never (held until the receiver closes). */
    public record Reply(int status, Duration delay, Map<String, String> headers) {
        public static Reply status(int status) {
            return new Reply(status, Duration.ZERO, Map.of());
        }

        public static Reply after(Duration delay, int status) {
            return new Reply(status, delay, Map.of());
        }

        public static Reply hang() {
            return new Reply(200, null, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public WebhookReceiver thenReply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String event) {
        return received.stream().filter(r -> event.equals(r.event())).toList();
    }

    /** Waits until {@code condition} holds for what was received, or fails after {@code timeout}. */
    public List<Received> await(Duration timeout, Predicate<List<Received>> condition) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (condition.test(received())) {
                return received();
            }
            sleep(Duration.ofMillis(25));
        }
        throw new AssertionError("Receiver did not get what was expected within " + timeout + "; got " + received());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(Instant.now(), exchange.getRequestHeaders().getFirst("X-Newsroom-Event"),
                exchange.getRequestHeaders().getFirst("X-Newsroom-Delivery"),
                exchange.getRequestHeaders().getFirst("X-Newsroom-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
        Reply reply = script.poll();
        if (reply == null) {
            reply = Reply.status(200);
        }
        try {
            if (reply.delay() == null) {
                closing.await();
            } else {
                sleep(reply.delay());
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
