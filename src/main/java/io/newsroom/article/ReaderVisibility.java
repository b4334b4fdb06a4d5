package io.newsroom.article;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * "Visible to readers", the one rule every public answer obeys: an article is visible in the window
 * [{@code visible_from}, {@code visible_until}). It opens at its publication time while it is
 * PUBLISHED or SCHEDULED, not deleted and not a member of another article's story (nothing otherwise:
 * readers see a story once, through its lead), and closes at its planned unpublishing time, if it has
 * one; so a scheduled article shows at its time, and one planned to be unpublished hides at that time,
 * without any write.
 *
 * <p>The database computes both columns from the lifecycle state and the story (migrations V9, V11, V15:
 * {@code article_visible_from} and {@code article_visible_until}, generated columns, and the triggers
 * that copy them into {@code article_tags} and {@code article_search} as {@code visible_at} and
 * {@code visible_until}); {@link #visibleFrom} and {@link #visibleUntil} are the same rule in Java for
 * what is already loaded. Queries say "visible now" only through the methods here, so a change of
 * the rule is made here and in those functions, and nowhere else.
 */
@NamedInterface("readers")
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

    /**
     * SQL: the article under {@code alias} was to become visible by now (a scheduled one whose time has
     * come), or to be listed by its story's lead when it is a member.
     */
    public static String opened(String alias) {
        return lifecycleFrom(alias) + " <= now()";
    }

    /** SQL: the lifecycle's part of visible_from, which a story member keeps (indexed for scheduled articles, V15). */
    public static String lifecycleFrom(String alias) {
        return "article_visible_from(" + alias + ".status, " + alias + ".published_at, " + alias + ".deleted_at)";
    }

    /** SQL: the article under {@code alias} was to stop being visible by now (its unpublishing time has passed). */
    public static String closed(String alias) {
        return alias + ".visible_until <= now()";
    }

    private static String window(String from, String until) {
        return "(" + from + " <= now() AND (" + until + " IS NULL OR " + until + " > now()))";
    }

    /**
     * SQL: the article under {@code alias}, a member of a story, is what readers would see of it if it
     * stood alone (the lead lists it as "also reported by" then).
     */
    public static String reportNow(String alias) {
        return window(lifecycleFrom(alias), alias + ".visible_until");
    }

    /** From when readers see an article in this state; null: not at all. Mirrors SQL's article_visible_from(). */
    public static Instant visibleFrom(ArticleStatus status, Instant publishedAt, Instant deletedAt, UUID storyLeadId) {
        return storyLeadId == null ? visibleFrom(status, publishedAt, deletedAt) : null;
    }

    /** The lifecycle's part of the rule, which a story member keeps (SQL's three-argument article_visible_from()). */
    public static Instant visibleFrom(ArticleStatus status, Instant publishedAt, Instant deletedAt) {
        boolean shown = deletedAt == null && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED);
        return shown ? publishedAt : null;
    }

    /** Until when readers see it; null: for as long as it stays so. Mirrors SQL's article_visible_until(). */
    public static Instant visibleUntil(ArticleStatus status, Instant publishedAt, Instant unpublishAt, Instant deletedAt) {
        return visibleFrom(status, publishedAt, deletedAt) == null ? null : unpublishAt;
    }

    public static boolean isVisible(ArticleStatus status, Instant publishedAt, Instant unpublishAt, Instant deletedAt, UUID storyLeadId,
                                    Instant now) {
        Instant from = visibleFrom(status, publishedAt, deletedAt, storyLeadId);
        Instant until = visibleUntil(status, publishedAt, unpublishAt, deletedAt);
        return from != null && !from.isAfter(now) && (until == null || until.isAfter(now));
    }
}
