package io.newsroom.article;

import io.newsroom.author.AuthorRef;
import java.util.List;
import java.util.UUID;

/**
 * A full replacement of an article's editable state (PUT, or PATCH after the merge patch is applied).
 * {@code relatedIds} null leaves read-also links as they are; {@code slug} null keeps the slug;
 * {@code authors} null keeps the credited authors (clients that predate authors send none).
 */
public record ArticleChanges(ArticleContent content, List<String> tagNames, List<UUID> relatedIds, String slug, List<AuthorRef> authors) {

    public ArticleChanges {
        tagNames = tagNames == null ? List.of() : List.copyOf(tagNames);
        relatedIds = relatedIds == null ? null : List.copyOf(relatedIds);
        authors = authors == null ? null : List.copyOf(authors);
    }

    /** Changes that keep the credited authors. */
    public ArticleChanges(ArticleContent content, List<String> tagNames, List<UUID> relatedIds, String slug) {
        this(content, tagNames, relatedIds, slug, null);
    }
}
