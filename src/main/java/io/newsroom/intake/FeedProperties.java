package io.newsroom.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How other publishers' feeds are read ({@code newsroom.feeds.*}).
 *
 * @param connectTimeout      how long to wait for a feed's server to accept the connection
 * @param readTimeout         how long a whole fetch may take, body included: a slower feed fails this poll
 * @param maxSize             the largest body read; a bigger or endless one is cut off there and the poll fails
 * @param maxRedirects        redirects followed per fetch; a permanent one (301, 308) updates the stored URL
 * @param maxFailures         consecutive failures after which a feed is disabled (410 Gone disables at once)
 * @param maxBackoff          the longest wait after failures (the poll interval doubles per failure up to this)
 * @param pollInterval        how often each instance looks for due feeds
 * @param concurrency         feeds one instance polls at the same time: a slow one holds one of them only
 * @param allowPrivateTargets whether feeds may be on loopback, private, link-local or metadata addresses
 */
@Validated
@ConfigurationProperties("newsroom.feeds")
public record FeedProperties(
        @DefaultValue("5s") @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("20s") @DurationMin(millis = 1) Duration readTimeout,
        @DefaultValue("5MB") DataSize maxSize,
        @DefaultValue("3") @Min(0) @Max(10) int maxRedirects,
        @DefaultValue("10") @Min(1) @Max(1000) int maxFailures,
        @DefaultValue("6h") @DurationMin(seconds = 1) Duration maxBackoff,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration pollInterval,
        @DefaultValue("8") @Min(1) @Max(256) int concurrency,
        @DefaultValue("false") boolean allowPrivateTargets) {

    /** How long a claimed feed is reserved for its poller: longer than any poll can take, so only a dead poller's feed is taken over. */
    public Duration claimTimeout() {
        return connectTimeout.plus(readTimeout).multipliedBy(maxRedirects + 1L).plusMinutes(1);
    }

    /** The wait after the n-th consecutive failure: the poll interval × 2^n, capped. */
    public Duration backoffAfter(int failures, Duration interval) {
        Duration wait = interval.multipliedBy(1L << Math.min(failures, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
