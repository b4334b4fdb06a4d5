package io.newsroom.preview;

import io.newsroom.actor.Actor;
import io.newsroom.article.ArticleService;
import io.newsroom.audit.AuditLog;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.security.SecretTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preview links, the one owner of {@code preview_links}: a random token (256 bits) that shows one
 * article as readers would see it if it were published now, until it expires or is revoked. The
 * token is shown once, when the link is made; only its SHA-256 is stored.
 */
@Service
public class PreviewLinks {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);
    private static final String TOKEN_PREFIX = "pv_";

    /** A link as editors see it; {@code token} is only ever set in the answer that made it. */
    public record Link(UUID id, UUID articleId, String token, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt) {
        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private final JdbcTemplate jdbc;
    private final ArticleService articles;
    private final AuditLog audit;
    private final Clock clock;

    PreviewLinks(JdbcTemplate jdbc, ArticleService articles, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Link create(UUID articleId, Duration lifetime) {
        Duration wanted = lifetime == null ? DEFAULT_LIFETIME : lifetime;
        if (wanted.isNegative() || wanted.isZero() || wanted.compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidRequestProblem("expiresIn", "must be a duration above zero and at most " + MAX_LIFETIME.toDays() + " days (P30D)");
        }
        if (articles.get(articleId).getDeletedAt() != null) {
            throw new ConflictProblem("The article is deleted; restore it first");
        }
        Instant now = clock.instant();
        String token = SecretTokens.generate(TOKEN_PREFIX);
        Actor actor = Actor.current();
        Link link = new Link(UUID.randomUUID(), articleId, token, now, actor.name(), now.plus(wanted), null);
        jdbc.update("""
                INSERT INTO preview_links (id, article_id, token_hash, created_at, created_by, created_by_name, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", link.id(), articleId, SecretTokens.hash(token), Timestamp.from(now), actor.id(), actor.name(),
                Timestamp.from(link.expiresAt()));
        audit.record("article.preview-link-created", "preview-link", link.id(), articleId, Map.of("expiresAt", link.expiresAt().toString()));
        return link;
    }

    @Transactional(readOnly = true)
    public List<Link> list(UUID articleId) {
        articles.get(articleId);
        return jdbc.query("SELECT * FROM preview_links WHERE article_id = ? ORDER BY created_at DESC, id", PreviewLinks::link, articleId);
    }

    /** Revokes the link at once; revoking it again changes nothing. */
    @Transactional
    public void revoke(UUID articleId, UUID linkId) {
        int revoked = jdbc.update("UPDATE preview_links SET revoked_at = ? WHERE id = ? AND article_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), linkId, articleId);
        if (revoked == 0) {
            Integer exists = jdbc.queryForObject("SELECT count(*) FROM preview_links WHERE id = ? AND article_id = ?", Integer.class, linkId, articleId);
            if (exists == null || exists == 0) {
                throw new NotFoundProblem("preview link", linkId);
            }
            return;
        }
        audit.record("article.preview-link-revoked", "preview-link", linkId, articleId, Map.of());
    }

    /**
     * The article a token shows, while its link is neither expired nor revoked and the article not
     * deleted; empty otherwise, whichever the reason (a caller must not learn that a link existed).
     */
    @Transactional(readOnly = true)
    public Optional<Link> resolve(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT p.* FROM preview_links p JOIN articles a ON a.id = p.article_id
                WHERE p.token_hash = ? AND p.revoked_at IS NULL AND p.expires_at > now() AND a.deleted_at IS NULL""",
                PreviewLinks::link, SecretTokens.hash(token)).stream().findFirst();
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Link(rs.getObject("id", UUID.class), rs.getObject("article_id", UUID.class), null, rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by_name"), rs.getTimestamp("expires_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
