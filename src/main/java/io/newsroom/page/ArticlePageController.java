package io.newsroom.page;

import io.newsroom.content.ContentCaching;
import io.newsroom.content.NewsArticleJsonLd;
import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.SiteProperties;
import io.newsroom.preview.Previews;
import io.newsroom.replica.ReaderTransactions;
import io.newsroom.similar.SimilarSummaries;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article page, server-rendered from one template: {@code /articles/{slug}} for a published
 * article (a reference frontend that sites can copy, cached like the content API) and
 * {@code /preview/{token}} for any article behind a preview link (private, never cached). Both show
 * what the seed page shows: headline, sub-heading, lead, image and caption, the body with its quote,
 * the source line, tags, read-also and the similar list, in the article's language and direction.
 */
@RestController
@Hidden // web pages, not API operations
class ArticlePageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** No script runs on these pages; a body or caption that slipped past sanitising could not run one either. */
    private static final String POLICY = "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ReaderTransactions readers;
    private final PublicArticles articles;
    private final Previews previews;
    private final SimilarSummaries similar;
    private final ContentCaching caching;
    private final SiteProperties site;
    private final ITemplateEngine templates;
    private final JsonMapper json;

    ArticlePageController(ReaderTransactions readers, PublicArticles articles, Previews previews, SimilarSummaries similar,
                          ContentCaching caching, SiteProperties site, ITemplateEngine templates, JsonMapper json) {
        this.readers = readers;
        this.articles = articles;
        this.previews = previews;
        this.similar = similar;
        this.caching = caching;
        this.site = site;
        this.templates = templates;
        this.json = json;
    }

    @GetMapping("/articles/{slug}")
    ResponseEntity<String> published(@PathVariable String slug) {
        return readers.read(() -> {
            Optional<PublicArticle> found = articles.bySlug(slug);
            if (found.isEmpty()) {
                return articles.currentSlugFor(slug).map(ArticlePageController::redirect).orElseGet(this::notFound);
            }
            PublicArticle article = found.get();
            if (!article.slug().equals(slug)) {
                return redirect(article.slug()); // a spelling variant: readers go to the canonical address
            }
            List<PublicArticle> list = similar.of(article.id(), Previews.SIMILAR_LIMIT);
            String html = render(article, NewsArticleJsonLd.of(article, site), list, null);
            List<String> keys = new ArrayList<>(List.of("articles", ContentCaching.articleKey(article.id())));
            ResponseEntity<String> response = caching.ok(html, article.updatedAt(), keys, HTML.toString());
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header("Content-Security-Policy", POLICY)
                    .body(response.getBody());
        });
    }

    @GetMapping("/preview/{token}")
    ResponseEntity<String> preview(@PathVariable String token) {
        return previews.byToken(token)
                .map(p -> ResponseEntity.ok().contentType(HTML).header("Content-Security-Policy", POLICY)
                        .body(render(p.article(), p.structuredData(), p.similar(), p.link().expiresAt())))
                .orElseGet(this::notFound);
    }

    private String render(PublicArticle article, Map<String, Object> structuredData, List<PublicArticle> similarList, Instant previewUntil) {
        Context context = new Context(Locale.forLanguageTag(article.language()));
        context.setVariable("article", article);
        context.setVariable("similar", similarList);
        context.setVariable("published", TIME.format(article.publishedAt()));
        context.setVariable("canonicalUrl", site.articleUrl(article.slug()));
        context.setVariable("preview", previewUntil == null ? null : Boolean.TRUE);
        context.setVariable("previewUntil", previewUntil == null ? null : TIME.format(previewUntil));
        // JSON inside <script>: "<" written as \u003c, so no text in it can close the element
        context.setVariable("structuredData", json.writeValueAsString(structuredData).replace("<", "\\u003c"));
        return templates.process("article", context);
    }

    private ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).header("Content-Security-Policy", POLICY)
                .body(templates.process("article-not-found", new Context(Locale.forLanguageTag("ar"))));
    }

    private static ResponseEntity<String> redirect(String slug) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION,
                URI.create("/articles/" + SiteProperties.encode(slug)).toString()).build();
    }
}
