package io.newsroom.article;

import java.util.List;
import java.util.UUID;

/**
 * The editorial state a revision keeps: slug, content and tag names, enough to restore it, and the
 * read-also list for diffs ({@code relatedIds} is null in revisions stored before it was kept), and the
 * credited authors by id ({@code authorIds} null in revisions stored before authors were entities).
 */
public record ArticleSnapshot(String slug, ArticleContent content, List<String> tags, List<UUID> relatedIds, List<UUID> authorIds) {

    static ArticleSnapshot of(Article article) {
        return new ArticleSnapshot(article.getSlug(), article.content(),
                article.getTags().stream().map(io.newsroom.tag.Tag::getName).toList(),
                article.getRelated().stream().map(Article::getId).toList(),
                article.getAuthors().stream().map(io.newsroom.author.Author::getId).toList());
    }
}
