package io.newsroom.tag;

import java.util.List;
import java.util.UUID;

/**
 * What a tag's merge or deletion asks of the articles that carry it. The article module owns those
 * rows (an article's tag links, its version) and implements this: the tag module asks, the owner
 * writes, and the owner tells subscribers what readers see change.
 */
public interface TaggedArticles {

    /**
     * Locks the rows of the articles carrying the tag until the transaction ends, in id order (the
     * order an article edit takes them), and returns their ids.
     */
    List<UUID> lockCarrying(UUID tagId);

    /**
     * Gives the articles carrying {@code fromId} the tag {@code intoId} instead: where the merged tag
     * was, or where the surviving one already is when they carry both. Call with their rows locked
     * ({@link #lockCarrying}); {@code articleIds} are those articles.
     */
    void retag(UUID fromId, UUID intoId, List<UUID> articleIds);

    /** Takes the tag off every article carrying it; returns how many carried it. */
    int untag(UUID tagId);
}
