package io.newsroom.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A published article as lists of teasers show it (search hits, similar articles): no body. */
@NamedInterface("api")
public record PublicArticleSummary(UUID id, String slug, String headline, String excerpt, Instant publishedAt, String language,
                                   String direction, PublicArticle.SourceRef source, PublicArticle.ImageRef image,
                                   List<PublicArticle.TagRef> tags, Instant updatedAt) {

    public static PublicArticleSummary of(PublicArticle a) {
        return new PublicArticleSummary(a.id(), a.slug(), a.headline(), a.excerpt(), a.publishedAt(), a.language(), a.direction(),
                a.source(), a.image(), a.tags(), a.updatedAt());
    }
}
