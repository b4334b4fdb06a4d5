package io.newsroom.media;

import java.util.UUID;

/** A library photo's caption, credit, alt text or focal point changed: whatever shows it shows it anew. */
public record MediaChanged(UUID mediaId) {
}
