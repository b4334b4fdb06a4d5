package io.newsroom.article;

import java.util.UUID;

/**
 * The editorial content of an article: everything a writer edits and a revision records.
 * {@code bodyHtml} may be raw; {@link ArticleService} sanitises it before it is stored.
 */
public record ArticleContent(
        String headline,
        String subheadline,
        String bodyHtml,
        String excerpt,
        String byline,
        String language,
        UUID sourceId,
        String sourceUrl,
        ArticleImage image) {

    public static final String DEFAULT_LANGUAGE = "ar";

    public ArticleContent {
        language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
    }

    ArticleContent withImage(ArticleImage resolved) {
        return new ArticleContent(headline, subheadline, bodyHtml, excerpt, byline, language, sourceId, sourceUrl, resolved);
    }

    ArticleContent withBody(String sanitisedBody) {
        return new ArticleContent(headline, subheadline, sanitisedBody, excerpt, byline, language, sourceId, sourceUrl, image);
    }
}
