package io.newsroom.replica;

import java.time.Duration;

/**
 * Tells when what the primary has committed can be read by readers. Whatever empties a cache for a
 * change (this instance's response cache, a CDN purge) must wait for it first: emptied any earlier,
 * the cache would be filled again with the old version from a replica that has not replayed the change.
 */
public interface ReadersCatchUp {

    /**
     * Waits, at most {@code timeout}, until the database readers read from holds everything the
     * primary had committed when this was called. True when it does (at once when readers read the
     * primary), false when the time ran out first; the caller waits again rather than empty early.
     */
    boolean awaitCommitted(Duration timeout);
}
