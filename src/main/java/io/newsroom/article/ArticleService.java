package io.newsroom.article;

import io.newsroom.tag.TagService;
import io.newsroom.text.Slugs;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one place editorial changes go through, whichever API (admin, ingest, demo) asks for them. */
@Service
public class ArticleService {

    private final ArticleRepository articles;
    private final TagService tags;
    private final Clock clock;

    ArticleService(ArticleRepository articles, TagService tags, Clock clock) {
        this.articles = articles;
        this.tags = tags;
        this.clock = clock;
    }

    @Transactional
    public Article create(NewArticle command) {
        Instant now = clock.instant();
        String base = command.slug() == null || command.slug().isBlank()
                ? Slugs.of(command.content().headline())
                : Slugs.of(command.slug());
        Article article = new Article(command.content(), Slugs.unique(base, articles::existsBySlugKey), now);
        article.tagWith(tags.resolve(command.tagNames()), now);
        if (command.externalId() != null) {
            article.assignExternalId(command.externalId());
        }
        return articles.save(article);
    }

    @Transactional
    public Article publish(UUID id) {
        return publish(id, clock.instant());
    }

    /** Publishes with a given publication time: for stories that were first published elsewhere (ingest, demo). */
    @Transactional
    public Article publish(UUID id, Instant publishedAt) {
        Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        article.publish(publishedAt);
        return article;
    }

    @Transactional
    public Article relate(UUID id, List<UUID> relatedIds) {
        Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        List<Article> related = relatedIds.stream()
                .map(relatedId -> articles.findById(relatedId).orElseThrow(() -> new ArticleNotFoundException(relatedId)))
                .toList();
        article.relateTo(related, clock.instant());
        return article;
    }
}
