package io.newsroom.article;

import io.newsroom.tag.TagMerged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A merge changes the tag list of every article that carried the merged tag: published ones are announced as updated. */
@Component
class TagMergeAnnouncer {

    private final JdbcTemplate jdbc;
    private final ArticleEvents events;
    private final Clock clock;

    TagMergeAnnouncer(JdbcTemplate jdbc, ArticleEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TagMerged merge) {
        if (merge.articleIds().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // Read with SQL: the merge changed these rows with SQL too, so loaded entities could be stale.
        jdbc.query("""
                SELECT id, slug, headline, language, status, published_at, updated_at, version FROM articles a
                WHERE id = ANY (?) AND """ + " " + ReaderVisibility.articleNow("a"),
                row -> {
                    events.publish(new ArticleEvent(ArticleEvent.Type.UPDATED, UUID.randomUUID(), now, row.getObject("id", UUID.class),
                            row.getString("slug"), row.getString("headline"), row.getString("language"), ArticleStatus.PUBLISHED,
                            instant(row.getTimestamp("published_at")), instant(row.getTimestamp("updated_at")), row.getLong("version")));
                }, (Object) merge.articleIds().toArray(UUID[]::new));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
