package io.newsroom.content.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.PublicArticleSummary;
import io.newsroom.content.PublicSearch;
import io.newsroom.paging.Page;
import io.newsroom.replica.ReaderTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search (content)", description = "Arabic-aware full-text search over published articles")
class ContentSearchController {

    /** A search hit: the article summary and a snippet with the matches in {@code <mark>}. */
    record SearchItem(@JsonUnwrapped PublicArticleSummary article, String snippet) {
        static SearchItem of(PublicSearch.Hit hit) {
            return new SearchItem(PublicArticleSummary.of(hit.article()), hit.snippet());
        }
    }

    private final ReaderTransactions readers;
    private final PublicSearch search;
    private final ContentCaching caching;

    ContentSearchController(ReaderTransactions readers, PublicSearch search, ContentCaching caching) {
        this.readers = readers;
        this.search = search;
        this.caching = caching;
    }

    @GetMapping("/api/content/search")
    @Operation(summary = "Ranked search; every spelling variant, clitic prefix and sound plural of a word matches. "
            + "Queries are plain words: operators and quotes are ignored, and more than 200 characters are cut")
    ResponseEntity<Page<SearchItem>> search(@RequestParam(required = false) String q,
                                            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                            @RequestParam(required = false) String cursor) {
        return readers.read(() -> {
            Page<PublicSearch.Hit> hits = search.search(q, limit, cursor);
            List<String> keys = new ArrayList<>(List.of("articles", "search"));
            hits.items().forEach(h -> keys.add(ContentCaching.articleKey(h.article().id())));
            Instant lastModified = ContentArticleController.lastModified(hits.items().stream().map(PublicSearch.Hit::article).toList());
            return caching.ok(hits.map(SearchItem::of), lastModified, keys);
        });
    }
}
