package io.newsroom.article;

import java.util.UUID;

/**
 * The editors' list filters: status, tag slug, source (slug or id), text, the trash ({@code deleted})
 * and author (slug or id). Null means "any".
 */
public record ArticleFilter(ArticleStatus status, String tag, String source, String text, boolean deleted, String author) {

    public ArticleFilter(ArticleStatus status, String tag, String source, String text, boolean deleted) {
        this(status, tag, source, text, deleted, null);
    }
}
