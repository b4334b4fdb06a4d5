package io.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What readers see of one article at one moment, and the announcement rule: what readers can
 * notice between two such views is what subscribers are told ({@link ArticleEvent}), whoever made
 * the change (an editor, ingest, the scheduling job, a story merge, a tag merge).
 *
 * @param visible  the article is visible to readers ({@link ReaderVisibility})
 * @param reported it would be visible if it stood alone: what makes a story member listed by its lead
 * @param deleted  it is deleted
 */
record ReaderView(boolean visible, boolean reported, boolean deleted) {

    /** Before an article exists, readers see nothing of it. */
    static final ReaderView NOTHING = new ReaderView(false, false, false);

    static ReaderView of(ArticleStatus status, Instant publishedAt, Instant unpublishAt, Instant deletedAt, UUID storyLeadId,
                         Instant at) {
        return new ReaderView(ReaderVisibility.isVisible(status, publishedAt, unpublishAt, deletedAt, storyLeadId, at),
                ReaderVisibility.isVisible(status, publishedAt, unpublishAt, deletedAt, null, at), deletedAt != null);
    }

    /**
     * The events one change makes, from the views before and after it. A deletion is always told
     * (subscribers may hold drafts' ids too); otherwise an article that appears is published, one that
     * disappears is unpublished, and one that stays visible while what its page shows changed is
     * updated. Nothing else is told: a draft's edits, a plan for later, a member's own changes.
     */
    static List<ArticleEvent.Type> noticed(ReaderView before, ReaderView after, boolean shownContentChanged) {
        List<ArticleEvent.Type> events = new ArrayList<>(1);
        if (after.deleted && !before.deleted) {
            events.add(ArticleEvent.Type.DELETED);
        } else if (after.visible && !before.visible) {
            events.add(ArticleEvent.Type.PUBLISHED);
        } else if (before.visible && !after.visible) {
            events.add(ArticleEvent.Type.UNPUBLISHED);
        } else if (before.visible && shownContentChanged) {
            events.add(ArticleEvent.Type.UPDATED);
        }
        return events;
    }

    /**
     * Whether a story member's change alters its lead's page: the lead lists the members readers
     * would see alone ("also reported by"), so a member that comes into or goes out of that view
     * changes the lead.
     */
    static boolean changesItsLead(ReaderView before, ReaderView after) {
        return before.reported != after.reported;
    }
}
