package io.newsroom.similar;

import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import java.util.List;
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

    /** For any article, published or not (a preview's seed need not be visible; its list is). */
    public List<PublicArticle> of(UUID articleId, int limit) {
        SimilarArticles.Ranking ranking = similar.rank(articleId, limit);
        return articles.summariesByIds(ranking.items().stream().map(SimilarArticles.Item::id).toList());
    }
}
