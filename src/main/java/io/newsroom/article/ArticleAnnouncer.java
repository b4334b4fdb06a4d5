package io.newsroom.article;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place that publishes {@link ArticleEvent}s: what each saved article noticed of its own
 * change ({@link Article#takeNotice}), in the change's transaction (the webhook outbox records them
 * there, and commits or rolls back with the change).
 */
@Component
class ArticleAnnouncer {

    private final ApplicationEventPublisher publisher;
    private final ArticleRepository articles;
    private final Clock clock;

    ArticleAnnouncer(ApplicationEventPublisher publisher, ArticleRepository articles, Clock clock) {
        this.publisher = publisher;
        this.articles = articles;
        this.clock = clock;
    }

    /** Announces what readers can notice of the article's change since it was last announced; call after flushing it. */
    void announce(Article article, Announcing announcing) {
        Article.Notice notice = article.takeNotice();
        if (announcing == Announcing.NOT_FOR_BACKFILL) {
            return;
        }
        Instant now = clock.instant();
        notice.events().forEach(type -> publisher.publishEvent(ArticleEvent.of(type, article, now)));
        if (notice.leadChanged()) {
            articles.findById(article.getStoryLeadId()).ifPresent(lead -> {
                lead.shownElsewhereChanged(now);
                announce(lead, announcing);
            });
        }
    }

    void announce(Article article) {
        announce(article, Announcing.EACH_CHANGE);
    }
}
