package io.newsroom.similar;

import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.StoredSummaries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The similar list readers see under an article: the ranking's articles, as summaries, visible ones only. */
@Component
public class SimilarSummaries {

    private final SimilarArticles similar;
    private final PublicArticles articles;
    private final StoredSummaries summaries;

    SimilarSummaries(SimilarArticles similar, PublicArticles articles, StoredSummaries summaries) {
        this.similar = similar;
        this.articles = articles;
        this.summaries = summaries;
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
     * The ranking's items as readers' summaries, as stored (finished JSON, {@link StoredSummaries}).
     * The summaries are what the ranking's near-duplicate fold reads headlines from: one statement
     * checks that the listed articles are visible, gives the fold its headlines and reads their
     * documents.
     */
    public List<StoredSummaries.Listed> listed(SimilarArticles.Seed seed, int limit) {
        return ranked(seed, limit, summaries::visible, StoredSummaries.Listed::id,
                summary -> new SimilarArticles.Headline(summary.slug(), summary.headline(), summary.sourceId()));
    }

    /** As {@link #listed}, as articles (for pages rendered from them); made from the articles, not stored. */
    private List<PublicArticle> of(SimilarArticles.Seed seed, int limit) {
        return ranked(seed, limit, articles::summariesByIds, PublicArticle::id, article -> new SimilarArticles.Headline(article.slug(),
                article.headline(), article.source() == null ? null : article.source().id()));
    }

    /** The ranking's items as {@code load} returns them (the visible ones), the fold's headlines read from what it loaded. */
    private <T> List<T> ranked(SimilarArticles.Seed seed, int limit, Function<List<UUID>, List<T>> load, Function<T, UUID> id,
                               Function<T, SimilarArticles.Headline> headline) {
        Map<UUID, T> loaded = new HashMap<>();
        SimilarArticles.Ranking ranking = similar.rank(seed, limit, ids -> {
            Map<UUID, SimilarArticles.Headline> headlines = new HashMap<>();
            for (T one : load.apply(ids)) {
                loaded.put(id.apply(one), one);
                headlines.put(id.apply(one), headline.apply(one));
            }
            return headlines;
        });
        return ranking.items().stream().map(item -> loaded.get(item.id())).filter(Objects::nonNull).toList();
    }
}
