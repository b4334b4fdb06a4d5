package io.newsroom.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One feed of a source, as stored: what to poll and how, and how its polls have gone
 * ({@code lastWarnings}: those of the last poll that read it).
 */
public record FeedSubscription(UUID id, UUID sourceId, String url, Duration pollInterval, Mode mode, String language, List<String> defaultTags,
                        boolean enabled, String disabledReason, String etag, String lastModified, Instant nextPollAt, Instant lastPolledAt,
                        Integer lastStatus, String lastError, List<String> lastWarnings, int consecutiveFailures, long itemsSeen, long itemsCreated, long itemsUpdated,
                        Instant createdAt, Instant updatedAt) {

    /** What becomes of a new item: published at once, or a draft for an editor to review. */
    public enum Mode { PUBLISH, DRAFT }
}
