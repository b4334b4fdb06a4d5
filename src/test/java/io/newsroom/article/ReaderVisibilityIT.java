package io.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule's two forms, SQL's article_visible_from() and ReaderVisibility in Java, agree in every state. */
class ReaderVisibilityIT extends IntegrationTest {

    @Test
    void sqlAndJavaAgreeForEveryStatusTimeAndDeletion() {
        Instant now = jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant();
        List<Instant> times = new ArrayList<>(Arrays.asList(null, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)));
        int visible = 0;
        for (ArticleStatus status : ArticleStatus.values()) {
            for (Instant publishedAt : times) {
                for (Instant deletedAt : times.subList(0, 2)) {
                    Timestamp fromSql = jdbc.queryForObject("SELECT article_visible_from(?, ?, ?)", Timestamp.class, status.name(),
                            timestamp(publishedAt), timestamp(deletedAt));
                    Boolean nowSql = jdbc.queryForObject("SELECT coalesce(article_visible_from(?, ?, ?) <= now(), false)", Boolean.class,
                            status.name(), timestamp(publishedAt), timestamp(deletedAt));
                    String state = status + " published " + publishedAt + " deleted " + deletedAt;
                    assertThat(fromSql == null ? null : fromSql.toInstant()).as(state)
                            .isEqualTo(ReaderVisibility.visibleFrom(status, publishedAt, deletedAt));
                    assertThat(nowSql).as(state).isEqualTo(ReaderVisibility.isVisible(status, publishedAt, deletedAt, now));
                    visible += nowSql ? 1 : 0;
                }
            }
        }
        assertThat(visible).as("published or scheduled, in the past, not deleted").isEqualTo(2);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
