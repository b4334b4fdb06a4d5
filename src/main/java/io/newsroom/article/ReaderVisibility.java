package io.newsroom.article;

import java.time.Instant;

/**
 * "Visible to readers", the one rule every public answer obeys: an article is visible in the window
 * [{@code visible_from}, {@code visible_until}). It opens at its publication time while it is
 * PUBLISHED or SCHEDULED and not deleted (nothing otherwise), and closes at its planned unpublishing
 * time, if it has one; so a scheduled article shows at its time, and one planned to be unpublished
 * hides at that time, without any write.
 *
 * <p>The database computes both columns from the lifecycle state (migrations V9 and V11:
 * {@code article_visible_from} and {@code article_visible_until}, generated columns, and the triggers
 * that copy them into {@code article_tags} and {@code article_search} as {@code visible_at} and
 * {@code visible_until}); {@link #visibleFrom} and {@link #visibleUntil} are the same rule in Java for
 * what is already loaded. Queries say "visible now" only through the methods here, so a change of
 * the rule is made here and in those functions, and nowhere else.
 */
public final class ReaderVisibility {

    /** SQL: when readers' view next changes with no write (a window opens or closes), or NULL for never. */
    public static final String NEXT_CHANGE = """
            SELECT least((SELECT min(visible_from) FROM articles WHERE visible_from > now()),
                         (SELECT min(visible_until) FROM articles WHERE visible_until > now()))""";

    private ReaderVisibility() {
    }

    /** SQL: the article under {@code alias} is visible to readers now. */
    public static String articleNow(String alias) {
        return window(alias + ".visible_from", alias + ".visible_until");
    }

    /** SQL: the copy of an article's visibility under {@code alias} (article_tags, article_search) is visible now. */
    public static String copyNow(String alias) {
        return window(alias + ".visible_at", alias + ".visible_until");
    }

    /** SQL: the article under {@code alias} was to become visible by now (a scheduled one whose time has come). */
    public static String opened(String alias) {
        return alias + ".visible_from <= now()";
    }

    /** SQL: the article under {@code alias} was to stop being visible by now (its unpublishing time has passed). */
    public static String closed(String alias) {
        return alias + ".visible_until <= now()";
    }

    private static String window(String from, String until) {
        return "(" + from + " <= now() AND (" + until + " IS NULL OR " + until + " > now()))";
    }

    /** From when readers see an article in this state; null: not at all. Mirrors SQL's article_visible_from(). */
    public static Instant visibleFrom(ArticleStatus status, Instant publishedAt, Instant deletedAt) {
        boolean shown = deletedAt == null && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED);
        return shown ? publishedAt : null;
    }

    /** Until when readers see it; null: for as long as it stays so. Mirrors SQL's article_visible_until(). */
    public static Instant visibleUntil(ArticleStatus status, Instant publishedAt, Instant unpublishAt, Instant deletedAt) {
        return visibleFrom(status, publishedAt, deletedAt) == null ? null : unpublishAt;
    }

    public static boolean isVisible(ArticleStatus status, Instant publishedAt, Instant unpublishAt, Instant deletedAt, Instant now) {
        Instant from = visibleFrom(status, publishedAt, deletedAt);
        Instant until = visibleUntil(status, publishedAt, unpublishAt, deletedAt);
        return from != null && !from.isAfter(now) && (until == null || until.isAfter(now));
    }
}
