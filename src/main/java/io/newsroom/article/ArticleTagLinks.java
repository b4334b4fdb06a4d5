package io.newsroom.article;

import io.newsroom.tag.TaggedArticles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles' tag links changed for a tag's sake (merge, deletion), with set-based SQL: a merged tag
 * may be carried by thousands of articles. Runs in the tag change's transaction.
 */
@Component
class ArticleTagLinks implements TaggedArticles {

    private final JdbcTemplate jdbc;
    private final ArticleRepository articles;
    private final ArticleAnnouncer announcer;
    private final Clock clock;

    ArticleTagLinks(JdbcTemplate jdbc, ArticleRepository articles, ArticleAnnouncer announcer, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.announcer = announcer;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> lockCarrying(UUID tagId) {
        return jdbc.queryForList("""
                SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_tags WHERE tag_id = ?) ORDER BY id FOR UPDATE""",
                UUID.class, tagId);
    }

    /** Each article changed gets a new version (editors' If-Match sees it), and readers' pages that changed are announced as updated. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void retag(UUID fromId, UUID intoId, List<UUID> articleIds) {
        jdbc.update("""
                UPDATE article_tags SET tag_id = ? WHERE tag_id = ?
                AND article_id NOT IN (SELECT article_id FROM article_tags WHERE tag_id = ?)""", intoId, fromId, intoId);
        untag(fromId); // those that carried both
        if (articleIds.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE articles SET updated_at = now(), version = version + 1 WHERE id = ANY (?)", (Object) articleIds.toArray(UUID[]::new));
        // Loaded after the writes above, so each is what was just written.
        Instant now = clock.instant();
        for (Article article : articles.findAllById(articleIds)) {
            article.shownElsewhereChanged(now);
            announcer.announce(article);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int untag(UUID tagId) {
        List<UUID> carrying = jdbc.queryForList("SELECT article_id FROM article_tags WHERE tag_id = ?", UUID.class, tagId);
        for (UUID articleId : carrying) {
            // Positions stay dense (0..n-1): the ordered list is mapped with @OrderColumn.
            Integer position = jdbc.queryForObject("SELECT position FROM article_tags WHERE article_id = ? AND tag_id = ?", Integer.class,
                    articleId, tagId);
            jdbc.update("DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?", articleId, tagId);
            jdbc.update("UPDATE article_tags SET position = position - 1 WHERE article_id = ? AND position > ?", articleId, position);
        }
        return carrying.size();
    }
}
