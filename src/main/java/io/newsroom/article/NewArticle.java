package io.newsroom.article;

import io.newsroom.author.AuthorRef;
import java.util.List;
import java.util.UUID;

/**
 * What it takes to create an article: its content, tag names (unknown names become tags), read-also
 * articles, an optional slug (generated from the headline when absent), an optional external id
 * (the ninjs uri of ingested stories) and the authors it credits (unknown names become authors of the
 * article's source).
 */
public record NewArticle(ArticleContent content, List<String> tagNames, List<UUID> relatedIds, String slug, String externalId,
                         List<AuthorRef> authors) {

    public NewArticle {
        tagNames = tagNames == null ? List.of() : List.copyOf(tagNames);
        relatedIds = relatedIds == null ? List.of() : List.copyOf(relatedIds);
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** An article crediting no author. */
    public NewArticle(ArticleContent content, List<String> tagNames, List<UUID> relatedIds, String slug, String externalId) {
        this(content, tagNames, relatedIds, slug, externalId, List.of());
    }
}
