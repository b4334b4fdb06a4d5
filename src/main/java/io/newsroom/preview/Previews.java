package io.newsroom.preview;

import io.newsroom.content.NewsArticleJsonLd;
import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.SiteProperties;
import io.newsroom.similar.SimilarSummaries;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What a preview link shows: its article as readers would get it if it were published now. */
@Service
public class Previews {

    /** As many similar articles as the article page shows. */
    public static final int SIMILAR_LIMIT = 6;

    /** The article in the content shape, its schema.org data, its similar list, and the link it came through. */
    public record Preview(PreviewLinks.Link link, PublicArticle article, Map<String, Object> structuredData, List<PublicArticle> similar) {
    }

    private final PreviewLinks links;
    private final PublicArticles articles;
    private final SimilarSummaries similar;
    private final SiteProperties site;
    private final Clock clock;

    Previews(PreviewLinks links, PublicArticles articles, SimilarSummaries similar, SiteProperties site, Clock clock) {
        this.links = links;
        this.articles = articles;
        this.similar = similar;
        this.site = site;
        this.clock = clock;
    }

    /** Empty for an unknown, expired or revoked token, or a deleted article: all look alike from outside. */
    public Optional<Preview> byToken(String token) {
        return links.resolve(token).flatMap(link -> articles.preview(link.articleId(), clock.instant())
                .map(article -> new Preview(link, article, NewsArticleJsonLd.of(article, site), similar.of(article.id(), SIMILAR_LIMIT))));
    }
}
