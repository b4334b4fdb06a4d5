package io.newsroom.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one subscription. {@code id} is the {@code X-Newsroom-Delivery} header,
 * the same on every attempt so receivers can drop duplicates.
 */
public record WebhookDelivery(UUID id, String event, UUID eventId, Status status, int attempts, Integer lastStatusCode,
                              String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
                              Instant deliveredAt) {

    public enum Status { PENDING, DELIVERED, FAILED }
}
