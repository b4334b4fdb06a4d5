package io.newsroom.content.web;

import io.newsroom.content.NewsArticleJsonLd;
import io.newsroom.content.NinjsDocument;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.SiteProperties;
import io.newsroom.content.cache.StoredRenderings;
import io.newsroom.paging.Page;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.replica.ReaderTransactions;
import io.newsroom.validation.LanguageTag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/content/articles")
@Tag(name = "Articles (content)", description = "Published articles for frontends; public, cacheable")
class ContentArticleController {

    private final ReaderTransactions readers;
    private final PublicArticles articles;
    private final ContentCaching caching;
    private final SiteProperties site;

    ContentArticleController(ReaderTransactions readers, PublicArticles articles, ContentCaching caching, SiteProperties site) {
        this.readers = readers;
        this.articles = articles;
        this.caching = caching;
        this.site = site;
    }

    @GetMapping
    @Operation(summary = "Published articles, newest first, with filters (tag, source, author slugs) and a cursor")
    ResponseEntity<Page<PublicArticle>> list(@RequestParam(required = false) String tag,
                                             @RequestParam(required = false) String source,
                                             @RequestParam(required = false) String author,
                                             @RequestParam(required = false) @LanguageTag String language,
                                             @RequestParam(required = false) OffsetDateTime since,
                                             @RequestParam(required = false) OffsetDateTime until,
                                             @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                             @RequestParam(required = false) String cursor) {
        return readers.read(() -> {
            PublicArticles.Filter filter = new PublicArticles.Filter(tag, source, language,
                    since == null ? null : since.toInstant(), until == null ? null : until.toInstant(), author);
            Page<PublicArticle> page = articles.list(filter, limit, cursor);
            List<String> keys = new ArrayList<>(List.of("articles"));
            page.items().forEach(a -> keys.add(ContentCaching.articleKey(a.id())));
            page.items().stream().flatMap(a -> a.authors().stream()).map(w -> ContentCaching.authorKey(w.id())).distinct().forEach(keys::add);
            return caching.ok(page, lastModified(page.items()), keys);
        });
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One published article by slug (Arabic slugs percent-encoded); former slugs answer 301. "
            + "Accept: application/ninjs+json or ?format=ninjs gives IPTC ninjs 2.2")
    @ApiResponse(responseCode = "200", description = "The article as readers see it, with schema.org NewsArticle data; or its ninjs form",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ArticleView.class)),
                    @Content(mediaType = NinjsDocument.MEDIA_TYPE, schema = @Schema(type = "object",
                            description = "An IPTC ninjs 2.2 document (https://iptc.org/std/ninjs/ninjs-schema_2.2.json)"))})
    @ApiResponse(responseCode = "301", description = "A former slug or a variant spelling: Location names the current URL",
            headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match or If-Modified-Since)")
    ResponseEntity<?> article(@PathVariable String slug, @RequestParam(required = false) String format,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                              HttpServletRequest servletRequest) {
        return readers.read(() -> {
            Optional<PublicArticles.Rendered> found = articles.rendered(slug);
            if (found.isEmpty()) {
                String current = articles.currentSlugFor(slug)
                        .orElseThrow(() -> new NotFoundProblem("No published article with slug " + slug));
                return redirect(current, servletRequest);
            }
            PublicArticle article = found.get().article();
            if (!article.slug().equals(slug)) {
                return redirect(article.slug(), servletRequest); // a variant spelling: send readers to the canonical URL
            }
            StoredRenderings.renderedFrom(servletRequest, found.get());
            List<String> keys = new ArrayList<>(List.of(ContentCaching.articleKey(article.id())));
            article.authors().forEach(w -> keys.add(ContentCaching.authorKey(w.id())));
            boolean ninjs = "ninjs".equals(format) || NinjsDocument.isPreferredBy(accept);
            ResponseEntity<?> response = ninjs
                    ? caching.ok(NinjsDocument.of(article, site), article.updatedAt(), keys, NinjsDocument.MEDIA_TYPE)
                    : caching.ok(new ArticleView(article, NewsArticleJsonLd.of(article, site)), article.updatedAt(), keys,
                            MediaType.APPLICATION_JSON_VALUE);
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .body(response.getBody());
        });
    }

    private static ResponseEntity<Void> redirect(String slug, HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create("/api/content/articles/" + SiteProperties.encode(slug) + query)).build();
    }

    static Instant lastModified(List<PublicArticle> items) {
        return items.stream().map(PublicArticle::updatedAt).max(Comparator.naturalOrder()).orElse(null);
    }
}
