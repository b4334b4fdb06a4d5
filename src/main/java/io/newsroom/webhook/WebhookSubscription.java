package io.newsroom.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where to send which events. The secret is not part of it: it is shown once, when set. */
public record WebhookSubscription(UUID id, String url, List<String> events, boolean active, String disabledReason,
                                  Instant createdAt, Instant updatedAt) {
}
