package io.newsroom.article;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Something readers can notice happened to an article. Published in the transaction of the change
 * (listeners that record it, such as the webhook outbox, commit or roll back with it):
 * {@code article.published} when an article enters PUBLISHED (by an editor, ingest, or the scheduling
 * job), {@code article.unpublished} when it leaves PUBLISHED, {@code article.updated} when a published
 * article's content, tags, slug or read-also change, {@code article.deleted} when any article is deleted.
 */
@NamedInterface("events")
public record ArticleEvent(Type type, UUID eventId, Instant occurredAt, UUID articleId, String slug, String headline,
                           String language, ArticleStatus status, Instant publishedAt, Instant updatedAt, long version) {

    public enum Type {
        PUBLISHED("article.published"),
        UPDATED("article.updated"),
        UNPUBLISHED("article.unpublished"),
        DELETED("article.deleted");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The name subscribers see ({@code X-Newsroom-Event}) and subscribe to. */
        public String wireName() {
            return wireName;
        }
    }

    static ArticleEvent of(Type type, Article article, Instant now) {
        return new ArticleEvent(type, UUID.randomUUID(), now, article.getId(), article.getSlug(), article.getHeadline(),
                article.getLanguage(), article.getStatus(), article.getPublishedAt(), article.getUpdatedAt(), article.getVersion());
    }

    public String direction() {
        return TextDirection.of(language);
    }
}
