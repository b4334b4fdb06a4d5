package io.newsroom.similar.web;

import io.newsroom.content.ContentCaching;
import io.newsroom.content.PublicArticleSummary;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.SiteProperties;
import io.newsroom.content.StoredSummaries;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.replica.ReaderTransactions;
import io.newsroom.similar.SimilarArticles;
import io.newsroom.similar.SimilarSummaries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/content/articles")
@Tag(name = "Articles (content)")
class ContentSimilarController {

    /** What the list's body is (for the API description; the body itself is written from stored summaries). */
    record SimilarList(List<PublicArticleSummary> items) {
    }

    private final ReaderTransactions readers;
    private final PublicArticles articles;
    private final SimilarSummaries similar;
    private final ContentCaching caching;

    ContentSimilarController(ReaderTransactions readers, PublicArticles articles, SimilarSummaries similar, ContentCaching caching) {
        this.readers = readers;
        this.articles = articles;
        this.similar = similar;
        this.caching = caching;
    }

    @GetMapping("/{slug}/similar")
    @Operation(summary = "Published articles similar to this one, from shared tags (rarer tags count more, newer stories win ties); "
            + "never the article itself, its read-also articles, or the same story twice")
    // the body is written from stored summary documents (bytes), in the shape of SimilarList
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "*/*", schema = @Schema(implementation = SimilarList.class)))
    ResponseEntity<byte[]> similar(@PathVariable String slug,
                                   @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
                                   HttpServletRequest servletRequest) {
        return readers.read(() -> {
            Optional<SimilarArticles.Seed> seed = similar.visibleSeed(slug);
            if (seed.isEmpty() || !seed.get().slug().equals(slug)) {
                String current = seed.map(SimilarArticles.Seed::slug).or(() -> articles.currentSlugFor(slug))
                        .orElseThrow(() -> new NotFoundProblem("No published article with slug " + slug));
                String query = servletRequest.getQueryString() == null ? "" : "?" + servletRequest.getQueryString();
                return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                        .location(URI.create("/api/content/articles/" + SiteProperties.encode(current) + "/similar" + query)).build();
            }
            List<StoredSummaries.Listed> items = similar.listed(seed.get(), limit);
            // Any change to any article can change this list (a new story sharing a tag): it goes with "articles".
            List<String> keys = new ArrayList<>(List.of("articles", ContentCaching.articleKey(seed.get().id())));
            items.forEach(item -> keys.add(ContentCaching.articleKey(item.id())));
            Instant lastModified = items.stream().map(StoredSummaries.Listed::updatedAt).max(Comparator.naturalOrder()).orElse(seed.get().updatedAt());
            return caching.ok(StoredSummaries.itemsObject(items), lastModified, keys, MediaType.APPLICATION_JSON_VALUE);
        });
    }
}