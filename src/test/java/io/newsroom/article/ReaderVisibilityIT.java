package io.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rule's two forms, SQL's article_visible_from()/article_visible_until() read through
 * ReaderVisibility's SQL, and ReaderVisibility in Java, agree in every state.
 */
class ReaderVisibilityIT extends IntegrationTest {

    @Test
    void sqlAndJavaAgreeForEveryStatusTimeUnpublishingDeletionAndStory() {
        Instant now = jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant();
        List<Instant> times = new ArrayList<>(Arrays.asList(null, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)));
        List<Instant> unpublishing = new ArrayList<>(Arrays.asList(null, now.minus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.DAYS)));
        int visible = 0;
        for (ArticleStatus status : ArticleStatus.values()) {
            for (Instant publishedAt : times) {
                for (Instant unpublishAt : unpublishing) {
                    for (Instant deletedAt : times.subList(0, 2)) {
                        for (UUID lead : Arrays.asList(null, UUID.randomUUID())) {
                            Object[] state = {status.name(), timestamp(publishedAt), timestamp(unpublishAt), timestamp(deletedAt)};
                            String described = status + " published " + publishedAt + " unpublish " + unpublishAt + " deleted " + deletedAt
                                    + " in the story of " + lead;
                            Timestamp fromSql = jdbc.queryForObject("SELECT article_visible_from(?, ?, ?, ?)", Timestamp.class,
                                    state[0], state[1], state[3], lead);
                            Timestamp untilSql = jdbc.queryForObject("SELECT article_visible_until(?, ?, ?, ?)", Timestamp.class, state);
                            Boolean nowSql = jdbc.queryForObject("SELECT coalesce(" + ReaderVisibility.articleNow("x") + ", false) FROM ("
                                    + "SELECT article_visible_from(s, p, d, l) AS visible_from, article_visible_until(s, p, u, d) AS visible_until"
                                    + " FROM (SELECT ?::text s, ?::timestamptz p, ?::timestamptz u, ?::timestamptz d, ?::uuid l) v) x", Boolean.class,
                                    state[0], state[1], state[2], state[3], lead);
                            assertThat(fromSql == null ? null : fromSql.toInstant()).as(described)
                                    .isEqualTo(ReaderVisibility.visibleFrom(status, publishedAt, deletedAt, lead));
                            assertThat(untilSql == null ? null : untilSql.toInstant()).as(described)
                                    .isEqualTo(ReaderVisibility.visibleUntil(status, publishedAt, unpublishAt, deletedAt));
                            assertThat(nowSql).as(described).isEqualTo(ReaderVisibility.isVisible(status, publishedAt, unpublishAt, deletedAt, lead, now));
                            visible += nowSql ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(visible).as("published or scheduled, in the past, not deleted, not unpublished yet, not in another's story").isEqualTo(4);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
