package io.newsroom.similar;

import org.springframework.validation.annotation.Validated;
import org.hibernate.validator.constraints.time.DurationMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How similar articles are ranked ({@code newsroom.similar.*}). A candidate's score is
 * {@code Σ idf(shared tag) × recency}, where {@code idf(t) = ln(1 + N / n(t))} (N published articles,
 * n(t) of them carrying t) and {@code recency = 1 - recencyWeight + recencyWeight × 2^(-age / halfLife)}.
 *
 * @param halfLife           age at which the recency part of the score halves
 * @param recencyWeight      how much of the score recency can take away from an old story (0: none, 1: all)
 * @param duplicateThreshold headlines sharing at least this share of the shorter one's words (and at
 *                           least three words) are the same story: only the better-ranked one stays
 * @param maxPerSource       at most this many items from one source (0: no limit)
 * @param tagWeightRefresh   how often the article count of every tag (its idf) is taken again, in the
 *                           background; 0: counted at every request
 */
@Validated
@ConfigurationProperties("newsroom.similar")
public record SimilarProperties(
        @DefaultValue("14d") @DurationMin(seconds = 1) Duration halfLife,
        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double recencyWeight,
        @DefaultValue("0.6") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double duplicateThreshold,
        @DefaultValue("0") @Min(0) int maxPerSource,
        @DefaultValue("10m") @DurationMin(seconds = 0) Duration tagWeightRefresh) {

    public double recency(Duration age) {
        return recencyAtAge(age.toMillis());
    }

    /** {@link #recency} of an age in milliseconds (counted in whole seconds): for every article a similar list walks past, no Duration. */
    public double recencyAtAge(long ageMillis) {
        double halfLives = Math.max(0, ageMillis / 1000) / (double) halfLife.toSeconds();
        return 1 - recencyWeight + recencyWeight * Math.pow(2, -halfLives);
    }
}
