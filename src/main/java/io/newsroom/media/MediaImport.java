package io.newsroom.media;

import java.util.Optional;

/** A photo fetched into the library for other content (a feed item's, a ninjs document's), or why it could not be. */
public record MediaImport(Optional<MediaView> item, String warning) {
}
