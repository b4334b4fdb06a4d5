package io.newsroom.similar.web;

import io.newsroom.article.ArticleService;
import io.newsroom.similar.SimilarArticles;
import io.newsroom.similar.SimilarProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/articles")
@Tag(name = "Articles (admin)")
class AdminSimilarController {

    static final String FORMULA = "score = sum over shared tags of ln(1 + N / n(tag)) x recency; "
            + "recency = 1 - recencyWeight + recencyWeight x 2^(-age / halfLife); N = published articles, n(tag) = those with the tag";

    /** {@code explain=false}: the list and scores. {@code explain=true} adds the reasons, what was dropped, and the settings. */
    record SimilarResponse(List<ExplainedItem> items, List<SimilarArticles.Dropped> dropped, String formula, SimilarProperties settings) {
    }

    record ExplainedItem(UUID id, String slug, String headline, Instant publishedAt, double score, Double recency,
                 List<SimilarArticles.SharedTag> sharedTags) {
    }

    private final ArticleService articles;
    private final SimilarArticles similar;
    private final SimilarProperties properties;

    AdminSimilarController(ArticleService articles, SimilarArticles similar, SimilarProperties properties) {
        this.articles = articles;
        this.similar = similar;
        this.properties = properties;
    }

    @GetMapping("/{id}/similar")
    @Operation(summary = "Similar published articles for any article (drafts too); explain=true shows shared tags and their weights, "
            + "recency, scores and the candidates dropped as near-duplicates")
    SimilarResponse similar(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean explain,
                            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        articles.get(id);
        SimilarArticles.Ranking ranking = similar.rank(id, limit);
        List<ExplainedItem> items = ranking.items().stream().map(item -> new ExplainedItem(item.id(), item.slug(), item.headline(), item.publishedAt(),
                item.score(), explain ? item.recency() : null, explain ? item.sharedTags() : null)).toList();
        return explain ? new SimilarResponse(items, ranking.dropped(), FORMULA, properties) : new SimilarResponse(items, null, null, null);
    }
}
