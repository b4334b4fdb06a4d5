package io.newsroom.article;

import java.util.List;

/**
 * What it takes to create an article: its content, tag names (unknown names become tags), an
 * optional slug (generated from the headline when absent) and an optional external id (ingest).
 */
public record NewArticle(ArticleContent content, List<String> tagNames, String slug, String externalId) {

    public NewArticle {
        tagNames = tagNames == null ? List.of() : List.copyOf(tagNames);
    }
}
