package io.newsroom.content.cache;

import io.newsroom.content.ConditionalRequests;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.NinjsDocument;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriUtils;

/**
 * Answers {@code GET}/{@code HEAD /api/content/articles/{slug}} from the article's stored rendering
 * ({@link StoredRenderings}) when there is one that may be served now, and keeps the response the
 * application computed otherwise. It runs after the response cache and the admission of reads, and
 * before security and Spring MVC ({@link io.newsroom.pipeline.RequestPipeline#STORED_RENDERINGS}),
 * whose per-request work (matching the request against every mapping, through every request
 * wrapper) was most of what a computed article cost. A request with a query string, or for a slug
 * spelled otherwise than the article's own (a 301), or for anything else is the application's.
 * A conditional request reads the validators only, and the body only when they do not match.
 */
class StoredRenderingFilter extends OncePerRequestFilter {

    private static final String ARTICLES = "/api/content/articles/";

    private final StoredRenderings renderings;

    StoredRenderingFilter(StoredRenderings renderings) {
        this.renderings = renderings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isArticlePage(request);
    }

    /** A request this filter may answer from a stored rendering: an article page, read, without a query string. */
    static boolean isArticlePage(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && request.getQueryString() == null && slugSegment(request) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String slug;
        try {
            slug = UriUtils.decode(slugSegment(request), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEncoding) {
            chain.doFilter(request, response); // the application answers it with its 400
            return;
        }
        StoredRenderings.Form form = NinjsDocument.isPreferredBy(request.getHeader(HttpHeaders.ACCEPT))
                ? StoredRenderings.Form.NINJS : StoredRenderings.Form.JSON;
        boolean conditional = request.getHeader(HttpHeaders.IF_NONE_MATCH) != null || request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null;
        Optional<StoredRenderings.Hit> hit = renderings.find(slug, form, !conditional).filter(h -> h.slug().equals(slug));
        if (hit.isPresent() && conditional && !ConditionalRequests.isNotModified(request, hit.get().etag(), hit.get().lastModified())) {
            hit = renderings.find(slug, form, true).filter(h -> h.slug().equals(slug)); // changed since the client's copy: the body too
        }
        if (hit.isPresent()) {
            serve(hit.get(), request, response);
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper computed = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, computed);
        String etag = computed.getHeader(HttpHeaders.ETAG);
        long lastModified = ConditionalRequests.lastModified(computed.getHeader(HttpHeaders.LAST_MODIFIED));
        if (request.getAttribute(StoredRenderings.RENDERED_FROM) instanceof StoredRenderings.RenderedFrom from
                && computed.getStatus() == HttpServletResponse.SC_OK && etag != null && lastModified >= 0) {
            // stored before the response is sent, so that the reader's next request finds it
            renderings.store(from, form, computed.getContentAsByteArray(), etag, lastModified, ResponseHeaders.of(computed));
        }
        computed.copyBodyToResponse();
    }

    private static void serve(StoredRenderings.Hit hit, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseHeaders.write(hit.headers(), response);
        if (ConditionalRequests.isNotModified(request, hit.etag(), hit.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        if (hit.body() != null) {
            response.setContentLength(hit.body().length);
            response.getOutputStream().write(hit.body());
        }
    }

    /** The one path segment after /api/content/articles/, still percent-encoded, or null when the path is not an article's. */
    private static String slugSegment(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(ARTICLES) || path.length() == ARTICLES.length() || path.indexOf('/', ARTICLES.length()) >= 0
                || path.startsWith(ContentCaching.PRIVATE_PREFIX)) {
            return null;
        }
        return path.substring(ARTICLES.length());
    }
}
