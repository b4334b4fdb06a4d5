package io.newsroom.article;

import java.time.Instant;

/**
 * "Visible to readers", the one rule every public answer obeys: an article is visible from its
 * {@code visible_from} on, which is its publication time while it is PUBLISHED or SCHEDULED and not
 * deleted, and nothing otherwise; so a scheduled article shows at its time without any write.
 *
 * <p>The database computes the column from the lifecycle state (migration V9's
 * {@code article_visible_from}, a generated column, and the triggers that copy it into
 * {@code article_tags.visible_at} and {@code article_search.visible_at}); {@link #visibleFrom} is
 * the same rule in Java for what is already loaded. Queries say "visible now" only through
 * {@link #now(String)}, so a change of the rule (scheduled unpublishing, say) is made here and in
 * that function, and nowhere else.
 */
public final class ReaderVisibility {

    private ReaderVisibility() {
    }

    /**
     * SQL: the row whose visibility time is {@code column} (an article's {@code a.visible_from}, or
     * one of its copies, {@code at.visible_at}) is visible to readers now.
     */
    public static String now(String column) {
        return column + " <= now()";
    }

    /** SQL: the article under {@code alias} is visible to readers now. */
    public static String articleNow(String alias) {
        return now(alias + ".visible_from");
    }

    /** From when readers see an article in this state; null: not at all. Mirrors SQL's article_visible_from(). */
    public static Instant visibleFrom(ArticleStatus status, Instant publishedAt, Instant deletedAt) {
        boolean shown = deletedAt == null && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED);
        return shown ? publishedAt : null;
    }

    public static boolean isVisible(ArticleStatus status, Instant publishedAt, Instant deletedAt, Instant now) {
        Instant from = visibleFrom(status, publishedAt, deletedAt);
        return from != null && !from.isAfter(now);
    }
}
