package io.newsroom.webhook;

import io.newsroom.outbound.OutboundTargets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends pending deliveries after commit, on every instance. A delivery is claimed in one statement
 * ({@code FOR UPDATE SKIP LOCKED}, so two instances never take the same one) that also counts the
 * attempt and pushes {@code next_attempt_at} past the attempt's longest duration: if the sender dies
 * mid-attempt, the delivery becomes due again when that claim runs out and another sender (or this one
 * after a restart) sends it, under the same delivery id. Attempts run on a small pool, so a slow
 * receiver delays only its own deliveries, never publishing.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    record Claimed(UUID id, UUID subscriptionId, String url, String secret, String event, String payload, int attempt) {
    }

    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final HttpClient http;
    /** Made anew by each start: a stop that drops queued sends cannot leave the next start with fewer. */
    private volatile Semaphore slots;
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean running;
    private volatile ExecutorService poller;
    private volatile ExecutorService senders;

    WebhookDispatcher(JdbcTemplate jdbc, WebhookProperties properties, WebhookMetrics metrics, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public synchronized void start() {
        slots = new Semaphore(properties.concurrency());
        poller = Executors.newSingleThreadExecutor(daemon("webhook-poller"));
        senders = Executors.newFixedThreadPool(properties.concurrency(), daemon("webhook-sender"));
        running = true;
        // A look queued when the last stop discarded the old executor never ran to clear the flag.
        pollQueued.set(false);
        wakeUp();
    }

    /** Stops sending; attempts in flight are abandoned and, their claim run out, sent again by whoever runs. */
    @Override
    public synchronized void stop() {
        running = false;
        poller.shutdownNow();
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Scheduled(fixedDelayString = "${newsroom.webhooks.poll-interval:1s}")
    void poll() {
        wakeUp();
    }

    /** Looks for due deliveries now (at most one look is queued at a time). */
    void wakeUp() {
        if (running && pollQueued.compareAndSet(false, true)) {
            try {
                poller.execute(this::dispatchDue);
            } catch (RejectedExecutionException stopping) {
                pollQueued.set(false);
            }
        }
    }

    private void dispatchDue() {
        pollQueued.set(false);
        // this look's slots and senders, even if a stop and a start replace them meanwhile
        Semaphore slots = this.slots;
        ExecutorService senders = this.senders;
        int free = slots.availablePermits();
        if (!running || free == 0) {
            return;
        }
        try {
            List<Claimed> claimed = claim(free);
            for (Claimed delivery : claimed) {
                slots.acquireUninterruptibly();
                try {
                    senders.execute(() -> {
                        try {
                            send(delivery);
                        } finally {
                            slots.release();
                        }
                    });
                } catch (RejectedExecutionException stopped) {
                    // stopped while claiming: the claims run out and whoever runs then sends these
                    slots.release();
                    return;
                }
            }
            if (claimed.size() == free) {
                wakeUp(); // there may be more waiting
            }
        } catch (RuntimeException e) {
            log.warn("Could not claim webhook deliveries: {}", e.getMessage());
        }
    }

    private List<Claimed> claim(int limit) {
        return jdbc.query("""
                UPDATE webhook_deliveries d
                SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => ?)
                FROM webhook_subscriptions s
                WHERE s.id = d.subscription_id AND d.id IN (
                    SELECT p.id FROM webhook_deliveries p JOIN webhook_subscriptions ps ON ps.id = p.subscription_id
                    WHERE p.status = 'PENDING' AND p.next_attempt_at <= now() AND ps.active
                    ORDER BY p.next_attempt_at LIMIT ? FOR UPDATE OF p SKIP LOCKED)
                RETURNING d.id, d.subscription_id, s.url, s.secret, d.event, d.payload, d.attempts""",
                (row, n) -> new Claimed(row.getObject("id", UUID.class), row.getObject("subscription_id", UUID.class),
                        row.getString("url"), row.getString("secret"), row.getString("event"), row.getString("payload"),
                        row.getInt("attempts")),
                properties.claimTimeout().toMillis() / 1000.0, limit);
    }

    private void send(Claimed delivery) {
        // Checked again at each attempt: the name may resolve elsewhere now than when it was saved.
        Optional<String> refused = OutboundTargets.refusal(delivery.url(), properties.allowPrivateTargets());
        if (refused.isPresent()) {
            retryOrFail(delivery, null, "Not sent: the URL " + refused.get(), Optional.empty());
            return;
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Newsroom-Webhooks/1")
                .header("X-Newsroom-Event", delivery.event())
                .header("X-Newsroom-Delivery", delivery.id().toString())
                .header("X-Newsroom-Signature", WebhookSignature.header(delivery.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        long started = System.nanoTime();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException stopping) {
            // The instance is stopping: leave the claim to run out so the delivery is sent again.
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | IllegalArgumentException e) {
            metrics.attempted(Duration.ofNanos(System.nanoTime() - started), "error");
            retryOrFail(delivery, null, describe(e), Optional.empty());
            return;
        }
        metrics.attempted(Duration.ofNanos(System.nanoTime() - started), (response.statusCode() / 100) + "xx");
        record(delivery, response);
    }

    private void record(Claimed delivery, HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            update(delivery, "DELIVERED", status, null, null);
        } else if (status == 410) {
            update(delivery, "FAILED", status, "410 Gone: the receiver asked to be unsubscribed", null);
            jdbc.update("UPDATE webhook_subscriptions SET active = false, disabled_reason = ?, updated_at = now() WHERE id = ?",
                    "The receiver answered 410 Gone at " + clock.instant(), delivery.subscriptionId());
            log.info("Webhook subscription {} disabled: {} answered 410 Gone", delivery.subscriptionId(), delivery.url());
        } else if (status == 429 || status >= 500) {
            retryOrFail(delivery, status, "HTTP " + status, response.headers().firstValue("Retry-After"));
        } else {
            // Other 4xx (and redirects) will not change by asking again.
            update(delivery, "FAILED", status, "HTTP " + status + " (not retried)", null);
        }
    }

    private void retryOrFail(Claimed delivery, Integer status, String error, Optional<String> retryAfter) {
        if (delivery.attempt() >= properties.maxAttempts()) {
            update(delivery, "FAILED", status, error + "; gave up after " + delivery.attempt() + " attempts", null);
            return;
        }
        Duration wait = properties.backoffAfter(delivery.attempt());
        Duration asked = retryAfter.flatMap(WebhookDispatcher::seconds).orElse(Duration.ZERO);
        if (asked.compareTo(wait) > 0) {
            wait = asked.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : asked;
        }
        update(delivery, "PENDING", status, error, wait);
    }

    /**
     * Records an attempt's outcome, unless the claim ran out and another sender took the delivery over
     * meanwhile (then {@code attempts} has moved on and that sender's outcome counts).
     */
    private void update(Claimed delivery, String status, Integer statusCode, String error, Duration retryIn) {
        jdbc.update("""
                UPDATE webhook_deliveries SET status = ?, last_status_code = ?, last_error = ?,
                    next_attempt_at = CASE WHEN ? THEN now() + make_interval(secs => ?) ELSE next_attempt_at END,
                    delivered_at = CASE WHEN ? THEN now() END
                WHERE id = ? AND attempts = ?""",
                status, statusCode, error, retryIn != null, retryIn == null ? 0 : retryIn.toMillis() / 1000.0,
                status.equals("DELIVERED"), delivery.id(), delivery.attempt());
    }

    private String describe(Exception e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + properties.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within " + properties.readTimeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (e instanceof IllegalArgumentException) {
            return "the URL cannot be requested";
        }
        return "connection failed: " + Optional.ofNullable(e.getMessage()).orElse("I/O error");
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
