package io.newsroom.article;

import io.newsroom.actor.Actor;
import io.newsroom.actor.ActorRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Revisions are numbered 1, 2, 3 ... per article, stored in the transaction of the change they record. */
@Component
class ArticleRevisions {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ArticleRevisions(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    int record(Article article, String change, Instant now) {
        Actor actor = Actor.current();
        // The article row is locked by the change being recorded, so max + 1 cannot race.
        Integer number = jdbc.queryForObject(
                "SELECT coalesce(max(number), 0) + 1 FROM article_revisions WHERE article_id = ?", Integer.class, article.getId());
        jdbc.update("""
                INSERT INTO article_revisions (article_id, number, created_at, actor_id, actor_name, actor_type, actor_person_id,
                    actor_person_name, change, snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                """, article.getId(), number, Timestamp.from(now), actor.id(), actor.name(), actor.kind().name(), actor.personId(),
                actor.personName(), change,
                json.writeValueAsString(ArticleSnapshot.of(article)));
        return number;
    }

    List<ArticleRevision> list(UUID articleId) {
        return jdbc.query("SELECT * FROM article_revisions WHERE article_id = ? ORDER BY number DESC", this::map, articleId);
    }

    Optional<ArticleRevision> find(UUID articleId, int number) {
        return jdbc.query("SELECT * FROM article_revisions WHERE article_id = ? AND number = ?", this::map, articleId, number)
                .stream().findFirst();
    }

    private ArticleRevision map(ResultSet rs, int row) throws SQLException {
        return new ArticleRevision(rs.getInt("number"), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
                ActorRef.stored(rs.getString("actor_type"), rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
                        rs.getObject("actor_person_id", UUID.class), rs.getString("actor_person_name")),
                rs.getString("change"),
                json.readValue(rs.getString("snapshot"), ArticleSnapshot.class));
    }
}
