package io.newsroom.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.newsroom.actor.Actor;
import io.newsroom.actor.ActorRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, when, and as whom (a person, a key and the person it belongs to, or the system).
 * Written in the caller's transaction ({@link Propagation#MANDATORY}), so an entry exists exactly
 * when its change was committed. Names are stored as they are at the time of the change.
 */
@Component
public class AuditLog {

    /** {@code actorId} and {@code actorName} read as they always have; {@code actor} says what kind of actor it was. */
    public record Entry(long id, Instant at, UUID actorId, String actorName, ActorRef actor, String action, String targetType,
                        UUID targetId, UUID articleId, @JsonRawValue String details) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** An entry to record: what was done ({@code article.updated}), to what, and its details (none: null or empty). */
    public record NewEntry(String action, String targetType, UUID targetId, UUID articleId, Map<String, ?> details) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, UUID targetId, UUID articleId, Map<String, ?> details) {
        recordAll(List.of(new NewEntry(action, targetType, targetId, articleId, details)));
    }

    /** Records entries made by the current actor at one moment, in one batched statement (imports write thousands at once). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<NewEntry> entries) {
        Actor actor = Actor.current();
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO audit_log (at, actor_id, actor_name, actor_type, actor_person_id, actor_person_name,
                    action, target_type, target_id, article_id, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                """, entries.stream().map(entry -> new Object[] {at, actor.id(), actor.name(), actor.kind().name(), actor.personId(),
                actor.personName(), entry.action(), entry.targetType(),
                entry.targetId(), entry.articleId(), entry.details() == null || entry.details().isEmpty() ? null
                        : json.writeValueAsString(entry.details())}).toList());
    }

    /**
     * Newest first; {@code beforeId} is the keyset cursor (entries with a smaller id). {@code actorId}
     * names a key, or a person: then what they did in person and through their keys.
     */
    @Transactional(readOnly = true)
    public List<Entry> list(UUID articleId, UUID actorId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, actor_id, actor_name, actor_type, actor_person_id, actor_person_name, action, target_type, target_id,
                    article_id, details::text AS details
                FROM audit_log WHERE true""");
        List<Object> args = new ArrayList<>();
        if (articleId != null) {
            sql.append(" AND article_id = ?");
            args.add(articleId);
        }
        if (actorId != null) {
            sql.append(" AND (actor_id = ? OR actor_person_id = ?)");
            args.add(actorId);
            args.add(actorId);
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
                ActorRef.stored(rs.getString("actor_type"), rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
                        rs.getObject("actor_person_id", UUID.class), rs.getString("actor_person_name")),
                rs.getString("action"),
                rs.getString("target_type"), rs.getObject("target_id", UUID.class), rs.getObject("article_id", UUID.class),
                rs.getString("details")), args.toArray());
    }
}
