package io.newsroom.article;

import java.util.List;
import java.util.UUID;

/**
 * What it takes to create an article: its content, tag names (unknown names become tags), read-also
 * articles, an optional slug (generated from the headline when absent) and an optional external id
 * (the ninjs uri of ingested stories).
 */
public record NewArticle(ArticleContent content, List<String> tagNames, List<UUID> relatedIds, String slug, String externalId) {

    public NewArticle {
        tagNames = tagNames == null ? List.of() : List.copyOf(tagNames);
        relatedIds = relatedIds == null ? List.of() : List.copyOf(relatedIds);
    }
}
