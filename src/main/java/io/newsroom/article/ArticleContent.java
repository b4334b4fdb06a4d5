package io.newsroom.article;

import io.newsroom.source.Source;

/**
 * The editorial content of an article: everything a writer edits and a revision records.
 * {@code bodyHtml} arrives here already sanitised.
 */
public record ArticleContent(
        String headline,
        String subheadline,
        String bodyHtml,
        String excerpt,
        String byline,
        String language,
        Source source,
        String sourceUrl,
        ArticleImage image) {

    public static final String DEFAULT_LANGUAGE = "ar";

    public ArticleContent {
        language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
    }
}
