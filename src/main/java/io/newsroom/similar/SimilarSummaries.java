package io.newsroom.similar;

import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The similar list readers see under an article: the ranking's articles, as summaries, visible ones only. */
@Component
public class SimilarSummaries {

    private final SimilarArticles similar;
    private final PublicArticles articles;

    SimilarSummaries(SimilarArticles similar, PublicArticles articles) {
        this.similar = similar;
        this.articles = articles;
    }

    /** A visible article by slug (any spelling of it), as the seed of its readers' list. */
    public Optional<SimilarArticles.Seed> visibleSeed(String slug) {
        return similar.visibleSeed(slug);
    }

    /** For any article, published or not (a preview's seed need not be visible; its list is). */
    public List<PublicArticle> of(UUID articleId, int limit) {
        return similar.seed(articleId).map(seed -> of(seed, limit)).orElseGet(List::of);
    }

    /**
     * The ranking's items as readers' summaries. The summaries are what the ranking's near-duplicate
     * fold reads headlines from: one statement loads the listed articles, checks that they are visible
     * and gives the fold its headlines (before, a statement for the ranking head's headlines and
     * another for the summaries of the ten kept).
     */
    public List<PublicArticle> of(SimilarArticles.Seed seed, int limit) {
        Map<UUID, PublicArticle> loaded = new HashMap<>();
        SimilarArticles.Ranking ranking = similar.rank(seed, limit, ids -> {
            Map<UUID, SimilarArticles.Headline> headlines = new HashMap<>();
            for (PublicArticle article : articles.summariesByIds(ids)) {
                loaded.put(article.id(), article);
                headlines.put(article.id(), new SimilarArticles.Headline(article.slug(), article.headline(),
                        article.source() == null ? null : article.source().id()));
            }
            return headlines;
        });
        return ranking.items().stream().map(item -> loaded.get(item.id())).filter(Objects::nonNull).toList();
    }
}
