package io.newsroom.article;

import io.newsroom.actor.Actor;
import io.newsroom.actor.Role;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a WRITER sees and changes in the admin API: their own articles, as Ghost's contributors and
 * Strapi's authors see theirs. Everyone else's is not found (404), in lists as in single reads, so a
 * WRITER cannot even learn that it exists. EDITOR, ADMIN and INTEGRATION see everything.
 *
 * <p>The one place the rule lives, as one SQL condition ({@link #OWN}) that every list and check
 * uses. "Own" is: created with the WRITER's key, or by the WRITER in person or through any key of
 * theirs, or crediting the author linked to them (an editor may assign a writer's story to them).
 */
@Component
class WriterScope {

    /** The condition on an {@code articles} row aliased {@code a}; its parameters come from {@link #parameters}. */
    static final String OWN = """
            (a.created_by = :ownKey OR a.created_by_person = :ownPerson
             OR EXISTS (SELECT 1 FROM article_authors own JOIN authors w ON w.id = own.author_id
                        WHERE own.article_id = a.id AND w.person_id = :ownPerson))""";

    private final NamedParameterJdbcTemplate jdbc;

    WriterScope(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the current actor sees only their own articles. */
    static boolean limits(Actor actor) {
        return actor.role() == Role.WRITER;
    }

    /** {@code :ownKey} and {@code :ownPerson} for the current actor (either may be null: then it matches nothing). */
    static MapSqlParameterSource parameters(Actor actor, MapSqlParameterSource params) {
        return params.addValue("ownKey", actor.keyId()).addValue("ownPerson", actor.personId());
    }

    /** Whether the current actor may see this article at all. */
    boolean maySee(UUID articleId) {
        Actor actor = Actor.current();
        if (!limits(actor)) {
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM articles a WHERE a.id = :id AND " + OWN + ")",
                parameters(actor, new MapSqlParameterSource("id", articleId)), Boolean.class));
    }

    /** The ones among {@code articleIds} the current actor may see. */
    Set<UUID> visibleAmong(Collection<UUID> articleIds) {
        Actor actor = Actor.current();
        if (!limits(actor) || articleIds.isEmpty()) {
            return new HashSet<>(articleIds);
        }
        return new HashSet<>(jdbc.queryForList("SELECT a.id FROM articles a WHERE a.id IN (:ids) AND " + OWN,
                parameters(actor, new MapSqlParameterSource("ids", articleIds)), UUID.class));
    }
}
