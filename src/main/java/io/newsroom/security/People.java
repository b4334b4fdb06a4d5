package io.newsroom.security;

import io.newsroom.actor.Actor;
import io.newsroom.actor.Role;
import io.newsroom.audit.AuditLog;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.text.CleanText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of the newsroom, recorded as their tokens first arrive. Whether a person is active is
 * read from the database on each request they make, as an API key is: a deactivation is in force on
 * every instance the moment it commits, with no cache to invalidate and no window in which another
 * instance still lets them in. One primary-key read costs what the key lookup costs.
 */
@Service
public class People {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    private static final String COLUMNS = "id, issuer, subject, display_name, email, role, active, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    People(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The person behind a valid token, recorded on first use and brought up to date when the token's
     * name, email or role changed. Two first requests at once make one person (the unique pair).
     */
    Person recordUse(String issuer, String subject, String displayName, String email, Role role) {
        String name = clip(CleanText.name(displayName), MAX_NAME);
        String mail = clip(CleanText.line(email), MAX_EMAIL);
        String shownName = name == null || name.isEmpty() ? subject : name;
        Optional<Person> known = jdbc.query("SELECT " + COLUMNS + " FROM people WHERE issuer = ? AND subject = ?", People::map, issuer, subject)
                .stream().findFirst();
        if (known.isPresent() && known.get().displayName().equals(shownName) && Objects.equals(known.get().email(), mail)
                && known.get().role() == role) {
            return known.get();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.queryForObject("""
                INSERT INTO people (id, issuer, subject, display_name, email, role, active, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, true, ?, ?)
                ON CONFLICT (issuer, subject) DO UPDATE
                    SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, role = EXCLUDED.role, updated_at = EXCLUDED.updated_at
                RETURNING\s""" + COLUMNS, People::map, UUID.randomUUID(), issuer, subject, shownName, mail, role.name(), now, now);
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM people WHERE id = ?", People::map, id).stream().findFirst();
    }

    /** Newest first, keyset-paginated on (created_at, id); {@code active} null: all. */
    @Transactional(readOnly = true)
    public Page<Person> list(Boolean active, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM people WHERE true");
        List<Object> args = new ArrayList<>();
        if (active != null) {
            sql.append(" AND active = ?");
            args.add(active);
        }
        if (cursor != null) {
            Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
            sql.append(" AND (created_at, id) < (?, ?)");
            args.add(Timestamp.from(after.time()));
            args.add(after.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(limit + 1);
        return Page.of(jdbc.query(sql.toString(), People::map, args.toArray()), limit, p -> Cursors.encode(p.createdAt(), p.id()));
    }

    /**
     * Deactivates or reactivates a person. Their tokens and keys are refused (403) from the commit on,
     * on every instance. An ADMIN cannot deactivate themself: someone must be left to undo it.
     */
    @Transactional
    public Person setActive(UUID id, boolean active) {
        Person person = find(id).orElseThrow(() -> new NotFoundProblem("person", id));
        if (!active && id.equals(Actor.current().personId())) {
            throw new ConflictProblem("You cannot deactivate yourself; another ADMIN can");
        }
        if (person.active() == active) {
            return person;
        }
        Person changed = jdbc.queryForObject("UPDATE people SET active = ?, updated_at = ? WHERE id = ? RETURNING " + COLUMNS, People::map,
                active, Timestamp.from(clock.instant()), id);
        audit.record(active ? "person.reactivated" : "person.deactivated", "person", id, null,
                Map.of("displayName", person.displayName(), "subject", person.subject()));
        return changed;
    }

    /** Claims are the identity provider's, not ours: cut to what the columns are meant to hold, by characters. */
    private static String clip(String text, int max) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static Person map(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getObject("id", UUID.class), rs.getString("issuer"), rs.getString("subject"), rs.getString("display_name"),
                rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
