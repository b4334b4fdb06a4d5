package io.newsroom.article;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Slugs a published article was known by before a rename; the content API answers them with 301. */
@Component
public class FormerSlugs {

    private final JdbcTemplate jdbc;

    FormerSlugs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(String slugKey, UUID articleId, Instant now) {
        jdbc.update("""
                INSERT INTO article_former_slugs (slug_key, article_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT (slug_key) DO UPDATE SET article_id = excluded.article_id, created_at = excluded.created_at
                """, slugKey, articleId, Timestamp.from(now));
    }

    /** A slug that becomes current again stops redirecting. */
    void forget(String slugKey) {
        jdbc.update("DELETE FROM article_former_slugs WHERE slug_key = ?", slugKey);
    }

    boolean isTakenByAnother(String slugKey, UUID articleId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM article_former_slugs WHERE slug_key = ? AND article_id <> ?)", Boolean.class, slugKey, articleId));
    }

    public Optional<UUID> articleFor(String slugKey) {
        return jdbc.queryForList("SELECT article_id FROM article_former_slugs WHERE slug_key = ?", UUID.class, slugKey)
                .stream().findFirst();
    }
}
