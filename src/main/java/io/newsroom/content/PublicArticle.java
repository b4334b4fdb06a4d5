package io.newsroom.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A published article as readers get it. There is no field for status, version, scheduling or
 * anything else editorial, so none can leak through the content API. {@code alsoReportedBy}: the other
 * outlets that told the same story (its members, io.newsroom.article.ArticleStories), published ones only.
 */
@NamedInterface("api")
public record PublicArticle(
        UUID id, String slug, String language, String direction, String headline, String subheadline,
        String bodyHtml, String excerpt, String byline, SourceRef source, String sourceUrl, ImageRef image,
        List<TagRef> tags, List<AuthorCredit> authors, List<RelatedRef> related, List<TranslationRef> translations, List<ReportRef> alsoReportedBy,
        boolean original,
        Instant publishedAt, Instant createdAt, Instant updatedAt) {

    public record SourceRef(UUID id, String name, String slug, String url) {
    }

    /**
     * The lead image. For a library photo: its size as readers see it, the article's words or the
     * library's, where crops are centred, every rendition, and a {@code srcset} of the photo's own
     * ratio in JPEG (every browser); {@code <picture>} adds the WebP ones. For an outside image only
     * {@code url}, caption and credit are known.
     */
    public record ImageRef(String url, Integer width, Integer height, String caption, String credit, String alt, FocalPoint focalPoint,
                           List<RenditionRef> renditions, String srcset) {

        public ImageRef(String url, String caption, String credit) {
            this(url, null, null, caption, credit, null, null, List.of(), null);
        }

        /** The renditions of one crop ({@code original}, {@code 16:9}) and format ({@code webp}, {@code jpeg}), narrowest first. */
        public List<RenditionRef> renditions(String crop, String format) {
            return renditions.stream().filter(r -> r.crop().equals(crop) && r.format().equals(format)).toList();
        }

        public String srcset(String crop, String format) {
            return String.join(", ", renditions(crop, format).stream().map(r -> r.url() + " " + r.width() + "w").toList());
        }

        /** The widest JPEG of the photo's own ratio: what feeds, sitemaps and structured data name. */
        public RenditionRef largest() {
            List<RenditionRef> jpeg = renditions("original", "jpeg");
            return jpeg.isEmpty() ? null : jpeg.get(jpeg.size() - 1);
        }
    }

    public record FocalPoint(double x, double y) {
    }

    public record RenditionRef(String url, int width, int height, String format, String crop) {
    }

    public record TagRef(UUID id, String name, String slug) {
    }

    /** A credited author: the name, the slug and the author's page; the id only names the author in cache keys. */
    public record AuthorCredit(@JsonIgnore UUID id, String name, String slug, String url) {
    }

    public record RelatedRef(UUID id, String slug, String headline, Instant publishedAt) {
    }

    /** A published translation of the article; {@code original} marks the one the others translate. */
    public record TranslationRef(String language, String slug, String headline, String url, boolean original) {
    }

    /** Another outlet's telling of this story: who, where, when. */
    public record ReportRef(SourceRef source, String url, Instant publishedAt) {
    }

    PublicArticle withAlsoReportedBy(List<ReportRef> alsoReportedBy) {
        return new PublicArticle(id, slug, language, direction, headline, subheadline, bodyHtml, excerpt, byline, source,
                sourceUrl, image, tags, authors, related, translations, alsoReportedBy, original, publishedAt, createdAt, updatedAt);
    }

    PublicArticle withTags(List<TagRef> tags) {
        return new PublicArticle(id, slug, language, direction, headline, subheadline, bodyHtml, excerpt, byline, source,
                sourceUrl, image, tags, authors, related, translations, alsoReportedBy, original, publishedAt, createdAt, updatedAt);
    }

    PublicArticle withAuthors(List<AuthorCredit> authors) {
        return new PublicArticle(id, slug, language, direction, headline, subheadline, bodyHtml, excerpt, byline, source,
                sourceUrl, image, tags, authors, related, translations, alsoReportedBy, original, publishedAt, createdAt, updatedAt);
    }

    PublicArticle withRelated(List<RelatedRef> related) {
        return new PublicArticle(id, slug, language, direction, headline, subheadline, bodyHtml, excerpt, byline, source,
                sourceUrl, image, tags, authors, related, translations, alsoReportedBy, original, publishedAt, createdAt, updatedAt);
    }

    PublicArticle withPublishedAt(Instant publishedAt) {
        return new PublicArticle(id, slug, language, direction, headline, subheadline, bodyHtml, excerpt, byline, source,
                sourceUrl, image, tags, authors, related, translations, alsoReportedBy, original, publishedAt, createdAt, updatedAt);
    }

    PublicArticle withTranslations(List<TranslationRef> translations) {
        return new PublicArticle(id, slug, language, direction, headline, subheadline, bodyHtml, excerpt, byline, source,
                sourceUrl, image, tags, authors, related, translations, alsoReportedBy, original, publishedAt, createdAt, updatedAt);
    }
}
