package io.newsroom.story;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How incoming stories are recognised as one already told ({@code newsroom.stories.*}).
 *
 * @param enabled   whether a new feed item is compared with recent articles at all
 * @param window    how far back the articles it is compared with were published
 * @param threshold the same-story model's probability ({@link SameStory}) from which two texts tell one
 *                  story when nothing in them conflicts; the default is the one SameStoryTest chooses on
 *                  all labelled pairs
 */
@Validated
@ConfigurationProperties("newsroom.stories")
public record StoryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("72h") @DurationMin(minutes = 1) Duration window,
        @DefaultValue("" + SameStory.DEFAULT_THRESHOLD) @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double threshold) {
}
