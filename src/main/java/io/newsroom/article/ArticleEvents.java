package io.newsroom.article;

import io.newsroom.article.ArticleEvent.Type;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes {@link ArticleEvent}s, except while a bulk import runs (see {@link #quietly}). */
@Component
@org.springframework.modulith.NamedInterface("api")
public class ArticleEvents {

    private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

    private final ApplicationEventPublisher publisher;

    ArticleEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Runs {@code work} without article events on this thread. A bulk import of 100,000 archived
     * stories would otherwise send 100,000 webhooks to every subscriber.
     */
    public static <T> T quietly(Supplier<T> work) {
        boolean before = QUIET.get();
        QUIET.set(true);
        try {
            return work.get();
        } finally {
            QUIET.set(before);
        }
    }

    void publish(Type type, Article article, Instant now) {
        if (!QUIET.get()) {
            publisher.publishEvent(ArticleEvent.of(type, article, now));
        }
    }

    void publish(ArticleEvent event) {
        if (!QUIET.get()) {
            publisher.publishEvent(event);
        }
    }
}
