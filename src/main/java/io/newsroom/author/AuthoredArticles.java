package io.newsroom.author;

import java.util.List;
import java.util.UUID;

/**
 * What an author's merge, rename or deletion asks of the articles that credit the author. The article
 * module owns those rows (an article's author links, its byline, its version) and implements this: the
 * author module asks, the owner writes, and the owner tells subscribers what readers see change.
 * (The shape of the tag module's {@code TaggedArticles}.)
 */
public interface AuthoredArticles {

    /**
     * Locks the rows of the articles crediting the author until the transaction ends, in id order (the
     * order an article edit takes them), and returns their ids.
     */
    List<UUID> lockCrediting(UUID authorId);

    /**
     * Credits {@code intoId} instead of {@code fromId} on these articles: where the merged author was, or
     * where the surviving one already is when they credit both. Call with their rows locked
     * ({@link #lockCrediting}); {@code articleIds} are those articles.
     */
    void reassign(UUID fromId, UUID intoId, List<UUID> articleIds);

    /** Takes the author off every article crediting them; returns how many did. */
    int uncredit(UUID authorId);

    /**
     * The author, credited by these (locked) articles, was known as {@code formerName} until now: bylines
     * that were only the authors' names follow the new one.
     */
    void renamed(UUID authorId, String formerName, List<UUID> articleIds);
}
