package io.newsroom.article;

import java.util.List;
import java.util.UUID;

/**
 * A full replacement of an article's editable state (PUT, or PATCH after the merge patch is applied).
 * {@code relatedIds} null leaves read-also links as they are; {@code slug} null keeps the slug.
 */
public record ArticleChanges(ArticleContent content, List<String> tagNames, List<UUID> relatedIds, String slug) {

    public ArticleChanges {
        tagNames = tagNames == null ? List.of() : List.copyOf(tagNames);
        relatedIds = relatedIds == null ? null : List.copyOf(relatedIds);
    }
}
