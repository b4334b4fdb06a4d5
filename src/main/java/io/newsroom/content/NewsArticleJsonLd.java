package io.newsroom.content;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * schema.org {@code NewsArticle} structured data for an article, ready for a frontend to embed as
 * {@code <script type="application/ld+json">}: search engines read headline, dates, image, author,
 * publisher and keywords from it.
 */
@NamedInterface("api")
public final class NewsArticleJsonLd {

    private NewsArticleJsonLd() {
    }

    private static Map<String, Object> work(PublicArticle.TranslationRef translation) {
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("@type", "NewsArticle");
        work.put("@id", translation.url());
        work.put("url", translation.url());
        work.put("inLanguage", translation.language());
        work.put("headline", translation.headline());
        return work;
    }

    /** A credited author as schema.org wants it: a Person with the URL of their page. */
    private static Map<String, Object> person(PublicArticle.AuthorCredit author) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", author.name());
        person.put("url", author.url());
        return person;
    }

    public static Map<String, Object> of(PublicArticle a, SiteProperties site) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", site.articleUrl(a.slug()));
        ld.put("headline", a.headline().length() > 110 ? a.headline().substring(0, 110) : a.headline());
        if (a.excerpt() != null) {
            ld.put("description", a.excerpt());
        }
        ld.put("inLanguage", a.language());
        ld.put("datePublished", a.publishedAt().toString());
        ld.put("dateModified", a.updatedAt().toString());
        if (a.image() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("@type", "ImageObject");
            PublicArticle.RenditionRef largest = a.image().largest();
            image.put("url", largest == null ? a.image().url() : largest.url());
            if (largest != null) {
                image.put("width", largest.width());
                image.put("height", largest.height());
            }
            if (a.image().credit() != null) {
                image.put("creditText", a.image().credit());
            }
            if (a.image().caption() != null) {
                image.put("caption", a.image().caption());
            }
            ld.put("image", image);
        }
        if (!a.authors().isEmpty()) {
            ld.put("author", a.authors().stream().map(NewsArticleJsonLd::person).toList());
        } else if (a.byline() != null) {
            ld.put("author", Map.of("@type", "Person", "name", a.byline()));
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", site.name());
        publisher.put("url", site.url());
        ld.put("publisher", publisher);
        if (a.source() != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("@type", "Organization");
            source.put("name", a.source().name());
            if (a.source().url() != null) {
                source.put("url", a.source().url());
            }
            ld.put("sourceOrganization", source);
        }
        if (!a.tags().isEmpty()) {
            ld.put("keywords", a.tags().stream().map(PublicArticle.TagRef::name).toList());
        }
        // schema.org's translation links: the original names its translations, a translation its original
        if (a.original() && !a.translations().isEmpty()) {
            ld.put("workTranslation", a.translations().stream().map(NewsArticleJsonLd::work).toList());
        }
        a.translations().stream().filter(PublicArticle.TranslationRef::original).findFirst()
                .ifPresent(original -> ld.put("translationOfWork", work(original)));
        return ld;
    }
}
