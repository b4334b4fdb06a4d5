package io.newsroom.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

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
 * @param allowPrivateTargets whether subscriptions may point at loopback, private, link-local or
 *                       metadata addresses (off: an admin key cannot make the service reach inside its network)
 * @param deliveryRetention how long delivered and failed deliveries stay in the log before they are deleted
 * @param retentionInterval how often each instance deletes the deliveries past their retention
 */
@Validated
@ConfigurationProperties("newsroom.webhooks")
public record WebhookProperties(
        @DefaultValue("2s") @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration readTimeout,
        @DefaultValue("8") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("10s") @DurationMin(millis = 1) Duration initialBackoff,
        @DefaultValue("1h") @DurationMin(millis = 1) Duration maxBackoff,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration pollInterval,
        @DefaultValue("4") @Min(1) @Max(256) int concurrency,
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("30d") @DurationMin(millis = 1) Duration deliveryRetention,
        @DefaultValue("1h") @DurationMin(millis = 1) Duration retentionInterval) {

    /** What one annotation cannot say: two settings that only make sense together. */
    public WebhookProperties {
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("newsroom.webhooks.max-backoff (" + maxBackoff + ") must not be shorter than initial-backoff ("
                    + initialBackoff + ")");
        }
    }

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
