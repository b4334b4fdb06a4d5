package io.newsroom.media;

import java.util.Optional;

/**
 * A PATCH of a library photo (JSON merge patch): a null field is not changed, an empty Optional
 * clears the text, a value sets it. {@code focalPoint} null: not changed.
 */
public record MediaChange(Optional<String> caption, Optional<String> credit, Optional<String> copyright, Optional<String> alt,
                          MediaView.FocalPoint focalPoint) {
}
