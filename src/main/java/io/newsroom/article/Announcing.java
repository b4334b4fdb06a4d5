package io.newsroom.article;

import org.springframework.modulith.NamedInterface;

/** Whether a write tells subscribers what readers can notice of it, said by the caller of each write. */
@NamedInterface("api")
public enum Announcing {

    /** Every change readers can notice is announced as it commits (editors, ninjs pushes, feeds). */
    EACH_CHANGE,

    /**
     * A bulk import: a backfill of an archive, which readers find in lists and search but which is
     * no news to subscribers; 100,000 archived stories would otherwise send 100,000 webhooks to each.
     */
    NOT_FOR_BACKFILL
}
