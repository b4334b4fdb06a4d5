package io.newsroom.cdn;

import java.util.List;

/** Tells one CDN to drop everything tagged with any of the keys. Throws {@link PurgeFailed} when it did not take them all. */
interface Purger {

    void purge(List<String> keys) throws PurgeFailed;

    /** The CDN's name for logs and metrics. */
    String name();

    /** The CDN did not confirm; the purge is tried again later. */
    final class PurgeFailed extends Exception {

        PurgeFailed(String message) {
            super(message);
        }
    }
}
