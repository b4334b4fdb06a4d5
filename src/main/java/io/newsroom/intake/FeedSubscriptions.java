package io.newsroom.intake;

import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.NotFoundProblem;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The one owner of {@code source_feeds}: feeds, their claims for polling, and their health. */
@Component
class FeedSubscriptions {

    private final JdbcTemplate jdbc;

    FeedSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings an editor gives a feed. */
    record Settings(String url, Duration pollInterval, FeedSubscription.Mode mode, String language, List<String> defaultTags, boolean enabled) {
    }

    FeedSubscription insert(UUID sourceId, Settings settings, Instant now) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("""
                    INSERT INTO source_feeds (id, source_id, url, poll_interval_s, mode, language, default_tags, enabled, created_at, updated_at, next_poll_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, sourceId, settings.url(), (int) settings.pollInterval().toSeconds(),
                    settings.mode().name(), settings.language(), settings.defaultTags().toArray(String[]::new), settings.enabled(),
                    Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw new ConflictProblem("The source already has a feed at " + settings.url());
        }
        return get(sourceId, id);
    }

    /** Replaces the settings; enabling a disabled feed clears its failures and polls it soon. */
    FeedSubscription update(UUID sourceId, UUID id, Settings settings, Instant now) {
        FeedSubscription before = get(sourceId, id);
        boolean reenabled = settings.enabled() && !before.enabled();
        boolean moved = !settings.url().equals(before.url());
        try {
            jdbc.update("""
                    UPDATE source_feeds SET url = ?, poll_interval_s = ?, mode = ?, language = ?, default_tags = ?, enabled = ?, updated_at = ?,
                        disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,
                        consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures END,
                        etag = CASE WHEN ? THEN NULL ELSE etag END, last_modified = CASE WHEN ? THEN NULL ELSE last_modified END,
                        next_poll_at = CASE WHEN ? THEN ? ELSE next_poll_at END
                    WHERE id = ? AND source_id = ?""", settings.url(), (int) settings.pollInterval().toSeconds(), settings.mode().name(),
                    settings.language(), settings.defaultTags().toArray(String[]::new), settings.enabled(), Timestamp.from(now),
                    settings.enabled(), reenabled, moved, moved, reenabled || moved, Timestamp.from(now), id, sourceId);
        } catch (DuplicateKeyException e) {
            throw new ConflictProblem("The source already has a feed at " + settings.url());
        }
        return get(sourceId, id);
    }

    void delete(UUID sourceId, UUID id) {
        if (jdbc.update("DELETE FROM source_feeds WHERE id = ? AND source_id = ?", id, sourceId) == 0) {
            throw new NotFoundProblem("feed", id);
        }
    }

    List<FeedSubscription> list(UUID sourceId) {
        return jdbc.query("SELECT * FROM source_feeds WHERE source_id = ? ORDER BY created_at, id", FeedSubscriptions::row, sourceId);
    }

    FeedSubscription get(UUID sourceId, UUID id) {
        return jdbc.query("SELECT * FROM source_feeds WHERE id = ? AND source_id = ?", FeedSubscriptions::row, id, sourceId).stream().findFirst()
                .orElseThrow(() -> new NotFoundProblem("feed", id));
    }

    /**
     * Claims up to {@code limit} due feeds for this poller until {@code until}: rows another instance
     * is claiming right now are skipped (SKIP LOCKED), and a claimed feed is not due again until its
     * claim runs out, so two instances never poll one feed at once.
     */
    List<FeedSubscription> claimDue(int limit, Instant until) {
        return jdbc.query("""
                UPDATE source_feeds SET claimed_until = ? WHERE id IN (
                  SELECT id FROM source_feeds
                  WHERE enabled AND next_poll_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                  ORDER BY next_poll_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *""", FeedSubscriptions::row, Timestamp.from(until), limit);
    }

    /** Claims one feed for an editor's "poll now"; empty while another poller holds it. */
    Optional<FeedSubscription> claim(UUID sourceId, UUID id, Instant until) {
        get(sourceId, id);
        return jdbc.query("""
                UPDATE source_feeds SET claimed_until = ? WHERE id = (
                  SELECT id FROM source_feeds WHERE id = ? AND source_id = ? AND (claimed_until IS NULL OR claimed_until < now())
                  FOR UPDATE SKIP LOCKED)
                RETURNING *""", FeedSubscriptions::row, Timestamp.from(until), id, sourceId).stream().findFirst();
    }

    /** A poll's outcome: health, validators, the next poll, and the claim released. */
    void recordPoll(UUID id, Outcome outcome) {
        jdbc.update("""
                UPDATE source_feeds SET claimed_until = NULL, last_polled_at = ?, last_status = ?, last_error = ?,
                    consecutive_failures = ?, next_poll_at = ?, enabled = enabled AND NOT ?, disabled_reason = coalesce(?, disabled_reason),
                    etag = CASE WHEN ? THEN ? ELSE etag END, last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
                    url = coalesce(?, url), last_warnings = coalesce(?::text[], last_warnings),
                    items_seen = items_seen + ?, items_created = items_created + ?, items_updated = items_updated + ?
                WHERE id = ?""",
                Timestamp.from(outcome.at()), outcome.status(), outcome.error(), outcome.consecutiveFailures(), Timestamp.from(outcome.nextPollAt()),
                outcome.disabledReason() != null, outcome.disabledReason(),
                outcome.newValidators(), outcome.etag(), outcome.newValidators(), outcome.lastModified(),
                outcome.movedTo(), outcome.warnings() == null ? null : outcome.warnings().toArray(String[]::new),
                outcome.seen(), outcome.created(), outcome.updated(), id);
    }

    /**
     * What a poll changes on its feed. {@code newValidators}: the fetch was a 200, whose ETag/Last-Modified
     * replace the stored ones; {@code warnings}: those of a poll that read the feed (null: one that did
     * not, which leaves the last ones in place).
     */
    record Outcome(Instant at, Integer status, String error, int consecutiveFailures, Instant nextPollAt, String disabledReason,
                   boolean newValidators, String etag, String lastModified, String movedTo, List<String> warnings, int seen, int created,
                   int updated) {
    }

    private static FeedSubscription row(ResultSet rs, int n) throws SQLException {
        Array tags = rs.getArray("default_tags");
        Array warnings = rs.getArray("last_warnings");
        Integer status = (Integer) rs.getObject("last_status");
        return new FeedSubscription(rs.getObject("id", UUID.class), rs.getObject("source_id", UUID.class), rs.getString("url"),
                Duration.ofSeconds(rs.getInt("poll_interval_s")), FeedSubscription.Mode.valueOf(rs.getString("mode")), rs.getString("language"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                rs.getString("etag"), rs.getString("last_modified"), instant(rs.getTimestamp("next_poll_at")), instant(rs.getTimestamp("last_polled_at")),
                status, rs.getString("last_error"), warnings == null ? List.of() : Arrays.asList((String[]) warnings.getArray()),
                rs.getInt("consecutive_failures"),
                rs.getLong("items_seen"), rs.getLong("items_created"), rs.getLong("items_updated"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}
