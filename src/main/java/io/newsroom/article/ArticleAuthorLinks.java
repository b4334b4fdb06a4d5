package io.newsroom.article;

import io.newsroom.author.Author;
import io.newsroom.author.AuthoredArticles;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles' credits changed for an author's sake (merge, rename, deletion), in the author change's
 * transaction. Each article changes through {@link Article#credit}, so its byline follows its authors
 * by the one rule, its version moves (editors' If-Match sees it) and readers' changed pages are
 * announced as updated.
 */
@Component
class ArticleAuthorLinks implements AuthoredArticles {

    private final JdbcTemplate jdbc;
    private final ArticleRepository articles;
    private final ArticleAnnouncer announcer;
    private final EntityManager entities;
    private final Clock clock;

    ArticleAuthorLinks(JdbcTemplate jdbc, ArticleRepository articles, ArticleAnnouncer announcer, EntityManager entities, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.entities = entities;
        this.announcer = announcer;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> lockCrediting(UUID authorId) {
        return jdbc.queryForList("""
                SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_authors WHERE author_id = ?) ORDER BY id FOR UPDATE""",
                UUID.class, authorId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void reassign(UUID fromId, UUID intoId, List<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return;
        }
        Author into = entities.find(Author.class, intoId);
        change(articleIds, article -> {
            List<Author> credited = new ArrayList<>();
            for (Author author : article.getAuthors()) {
                Author kept = author.getId().equals(fromId) ? into : author;
                if (credited.stream().noneMatch(a -> a.getId().equals(kept.getId()))) {
                    credited.add(kept);
                }
            }
            article.credit(credited, clock.instant());
        });
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int uncredit(UUID authorId) {
        List<UUID> crediting = lockCrediting(authorId);
        change(crediting, article -> article.credit(article.getAuthors().stream().filter(a -> !a.getId().equals(authorId)).toList(),
                clock.instant()));
        return crediting.size();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void renamed(UUID authorId, String formerName, List<UUID> articleIds) {
        change(articleIds, article -> article.authorRenamed(authorId, formerName, clock.instant()));
    }

    private void change(List<UUID> articleIds, Consumer<Article> change) {
        if (articleIds.isEmpty()) {
            return;
        }
        List<Article> changed = articles.findAllById(articleIds);
        changed.forEach(change);
        articles.flush();
        for (Article article : changed) {
            announcer.announce(article);
        }
    }
}
