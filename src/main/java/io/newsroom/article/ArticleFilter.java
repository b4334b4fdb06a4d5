package io.newsroom.article;

import java.util.UUID;

/**
 * The editors' list filters: status, tag slug, source (slug or id), text, and the trash
 * ({@code deleted}). Null means "any".
 */
public record ArticleFilter(ArticleStatus status, String tag, String source, String text, boolean deleted) {
}
