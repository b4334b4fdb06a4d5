package io.newsroom.media;

import java.time.Instant;
import java.util.UUID;

/** One photo of the library, as stored. {@code width} and {@code height} are upright: what readers see. */
record MediaItem(UUID id, String contentHash, String contentType, int width, int height, long bytes, String caption, String credit,
                 String copyright, String alt, double focalX, double focalY, String sourceUrl, Instant createdAt, Instant updatedAt) {

    String originalKey() {
        return "originals/" + contentHash;
    }

    String renditionPrefix() {
        return "media/" + contentHash + "/";
    }
}
