package io.newsroom.content;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many public reads the application computes at once ({@code io.newsroom.content.web.ReadAdmission}).
 *
 * @param atOnce       reads computed at the same time; more wait their turn in arrival order. 0: twice
 *                     the processors the JVM sees (the reads also wait on PostgreSQL, which needs
 *                     the processors meanwhile)
 * @param queueTimeout the longest a read waits for its turn before it is answered 503 with Retry-After
 */
@Validated
@ConfigurationProperties("newsroom.reads")
public record ReadAdmissionProperties(
        @DefaultValue("0") @PositiveOrZero int atOnce,
        @DefaultValue("2s") @DurationMin(millis = 1) Duration queueTimeout) {

    /** {@link #atOnce}, with 0 made twice the processors. */
    public int permits() {
        return atOnce > 0 ? atOnce : 2 * Runtime.getRuntime().availableProcessors();
    }
}
