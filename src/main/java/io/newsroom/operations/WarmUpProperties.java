package io.newsroom.operations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The warm-up before readiness ({@code newsroom.warm-up.*}).
 *
 * @param duration how long the instance sends itself readers' requests before it reports ready (0: none)
 * @param threads  how many such requests are in flight at once
 * @param databaseBuffers whether it first loads readers' tables into PostgreSQL's buffers (pg_prewarm; off
 *                 where many instances share a database that does not restart with them)
 */
@Validated
@ConfigurationProperties("newsroom.warm-up")
public record WarmUpProperties(
        @DefaultValue("60s") @DurationMin(seconds = 0) Duration duration,
        @DefaultValue("4") @Min(1) @Max(64) int threads,
        @DefaultValue("true") boolean databaseBuffers) {
}
