package io.newsroom.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code newsroom.webhooks.*}).
 *
 * @param connectTimeout how long to wait for a receiver to accept the connection
 * @param readTimeout    how long to wait for its response; a slower receiver counts as failed and is retried
 * @param maxAttempts    attempts per delivery, the first included; then it is marked FAILED
 * @param initialBackoff wait before the second attempt; each further wait doubles
 * @param maxBackoff     the longest wait between two attempts
 * @param pollInterval   how often each instance looks for due deliveries (a local commit wakes it at once)
 * @param concurrency    deliveries sent at the same time by one instance
 */
@ConfigurationProperties("newsroom.webhooks")
public record WebhookProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4") int concurrency) {

    /**
     * How long a claimed delivery is reserved for its sender: longer than any attempt can take, so a
     * delivery is only taken over from a sender that died.
     */
    public Duration claimTimeout() {
        return connectTimeout.plus(readTimeout).plusSeconds(5);
    }

    /** The wait after attempt {@code attempt} (1-based) failed: initialBackoff × 2^(attempt-1), capped. */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 30);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
