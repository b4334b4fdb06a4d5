package io.newsroom.article;

import java.util.List;

/** The editorial state a revision keeps: slug, content and tag names, enough to restore it. */
public record ArticleSnapshot(String slug, ArticleContent content, List<String> tags) {

    static ArticleSnapshot of(Article article) {
        return new ArticleSnapshot(article.getSlug(), article.content(),
                article.getTags().stream().map(io.newsroom.tag.Tag::getName).toList());
    }
}
