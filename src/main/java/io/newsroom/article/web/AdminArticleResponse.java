package io.newsroom.article.web;

import io.newsroom.article.Article;
import io.newsroom.article.ArticleStatus;
import io.newsroom.source.Source;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article as editors see it: every field, including status, version and soft-delete time. */
record AdminArticleResponse(
        UUID id, String slug, String language, String direction, ArticleStatus status,
        String headline, String subheadline, String bodyHtml, String excerpt, String byline,
        SourceRef source, String sourceUrl, ImageRef image, List<TagRef> tags, List<CreditedAuthor> authors, List<ReadAlsoRef> related,
        Instant scheduledAt, Instant publishedAt, Instant unpublishAt, Instant createdAt, Instant updatedAt, Instant deletedAt, UUID translationGroup,
        UUID storyLeadId, long version) {

    record SourceRef(UUID id, String name, String slug, String url) {
    }

    /** {@code mediaId}: the library photo shown, if it is one; caption, credit and alt: the article's own words over the library's. */
    record ImageRef(String url, UUID mediaId, String caption, String credit, String alt) {
    }

    record TagRef(UUID id, String name, String slug) {
    }

    /** A credited author: enough to show it and to send it back (by id) in an edit. */
    record CreditedAuthor(UUID id, String name, String slug) {
    }

    record ReadAlsoRef(UUID id, String slug, String headline, ArticleStatus status) {
    }

    /** {@code related}: the read-also articles the caller may know of ({@code ArticleService.readAlsoShown}). */
    static AdminArticleResponse of(Article a, List<Article> related, Instant now) {
        Source s = a.getSource();
        return new AdminArticleResponse(a.getId(), a.getSlug(), a.getLanguage(), a.getDirection(), a.effectiveStatus(now),
                a.getHeadline(), a.getSubheadline(), a.getBodyHtml(), a.getExcerpt(), a.getByline(),
                s == null ? null : new SourceRef(s.getId(), s.getName(), s.getSlug(), s.getUrl()),
                a.getSourceUrl(),
                a.getImage() == null ? null : new ImageRef(a.getImage().url(), a.getImage().mediaId(), a.getImage().caption(),
                        a.getImage().credit(), a.getImage().alt()),
                a.getTags().stream().map(t -> new TagRef(t.getId(), t.getName(), t.getSlug())).toList(),
                a.getAuthors().stream().map(au -> new CreditedAuthor(au.getId(), au.getName(), au.getSlug())).toList(),
                related.stream().map(r -> new ReadAlsoRef(r.getId(), r.getSlug(), r.getHeadline(), r.effectiveStatus(now))).toList(),
                a.getScheduledAt(), a.getPublishedAt(), a.getUnpublishAt(), a.getCreatedAt(), a.getUpdatedAt(), a.getDeletedAt(), a.getTranslationGroup(),
                a.getStoryLeadId(), a.getVersion());
    }
}
