package io.newsroom.content.cache;

import io.newsroom.content.ContentCaching;
import io.newsroom.content.ConditionalRequests;
import io.newsroom.content.NinjsDocument;
import io.newsroom.problem.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public GET and HEAD requests from {@link ContentResponseCache}, answering their conditions
 * ({@link ConditionalRequests}), and stores the 200 responses it had to compute for a URL asked for
 * before ({@link ContentResponseCache#ask}). It runs before the request guards, the admission of
 * reads and security ({@link io.newsroom.pipeline.RequestPipeline#CONTENT_RESPONSE_CACHE}), so a
 * hit costs little more than Tomcat's own work.
 * While changes cannot be heard, requests go to the application; when the database cannot be
 * reached either, the last copy of the URL is served instead, marked as stale ({@code Age},
 * {@code Warning: 110}, {@code X-Newsroom-Stale}): readers keep the site through an outage.
 */
class ContentCacheFilter extends OncePerRequestFilter {

    /** Marks a copy served while the database could not be reached. */
    static final String STALE = "X-Newsroom-Stale";

    private final ContentResponseCache cache;
    /** Whether stored renderings answer article pages (newsroom.cache.stored-renderings). */
    private final boolean storedRenderings;

    ContentCacheFilter(ContentResponseCache cache, boolean storedRenderings) {
        this.cache = cache;
        this.storedRenderings = storedRenderings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method)) || !cache.isConfiguredOn() || ContentCaching.isPrivate(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (!cache.isListening()) {
            freshOrLastCopy(key, request, response, chain);
            return;
        }
        ContentResponseCache.Entry hit = cache.get(key);
        if (hit != null) {
            serve(hit, request, response);
            return;
        }
        ContentResponseCache.Asked asked = "GET".equals(request.getMethod()) ? cache.ask(key) : null;
        if (asked == null || !asked.before() || !asked.recently() && storedRenderings && StoredRenderingFilter.isArticlePage(request)) {
            // An article page that a stored rendering may answer (one read) is kept only when asked for
            // recently (ContentResponseCache); otherwise it is not even buffered, since copying the body
            // of every article read at random would spend memory on pages rarely asked for again.
            chain.doFilter(request, response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        // A revalidation (a CDN's, a browser's) would come back as a 304 with nothing to store, and every
        // later one would be computed again: the whole response is asked for, stored, and the
        // conditions answered from it here.
        chain.doFilter(new Unconditional(request), wrapper);
        boolean storable = wrapper.getStatus() == HttpServletResponse.SC_OK
                && wrapper.getHeader(HttpHeaders.ETAG) != null;
        if (storable) {
            List<Map.Entry<String, String>> headers = ResponseHeaders.of(wrapper);
            String etag = wrapper.getHeader(HttpHeaders.ETAG);
            long lastModified = ConditionalRequests.lastModified(wrapper.getHeader(HttpHeaders.LAST_MODIFIED));
            cache.put(key, generation, wrapper.getContentAsByteArray(), headers, etag, lastModified);
            if (ConditionalRequests.isNotModified(request, etag, lastModified)) {
                wrapper.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                wrapper.resetBuffer(); // a 304 has no body, and no Content-Length of the one it stands for
                return;
            }
        }
        wrapper.copyBodyToResponse();
    }

    /** The request without its conditions: If-None-Match and If-Modified-Since are answered by this filter. */
    private static final class Unconditional extends HttpServletRequestWrapper {

        Unconditional(HttpServletRequest request) {
            super(request);
        }

        private static boolean isCondition(String name) {
            return HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(name) || HttpHeaders.IF_MODIFIED_SINCE.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return isCondition(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isCondition(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return isCondition(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(name -> !isCondition(name)).toList());
        }
    }

    /**
     * Without the change listener nothing held can be trusted as current, so the application answers;
     * only when it fails because the database is unreachable (or the listener already knows it is)
     * is the last copy served, as stale.
     */
    private void freshOrLastCopy(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentResponseCache.Entry copy = cache.lastCopy(key);
        if (copy == null) {
            chain.doFilter(request, response);
            return;
        }
        if (cache.isDatabaseUnreachable()) {
            serveStale(copy, request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            serveStale(copy, request, response);
            return;
        }
        if (wrapper.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE && !response.isCommitted()) {
            response.reset();
            serveStale(copy, request, response);
            return;
        }
        wrapper.copyBodyToResponse();
    }

    private void serveStale(ContentResponseCache.Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long age = Math.max(0, (System.currentTimeMillis() - entry.storedAt()) / 1000);
        response.setHeader(HttpHeaders.AGE, String.valueOf(age));
        response.setHeader("Warning", "110 - \"Response is Stale\"");
        response.setHeader(STALE, "database-unavailable");
        serve(entry, request, response);
    }

    private static void serve(ContentResponseCache.Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseHeaders.write(entry.headers(), response);
        if (ConditionalRequests.isNotModified(request, entry.etag(), entry.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(entry.body().length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(entry.body());
        }
    }

    /** The URL as sent, plus the representation asked for (ninjs or JSON). */
    private static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean ninjs = NinjsDocument.isPreferredBy(accept);
        return request.getRequestURI() + (query == null ? "" : "?" + query) + (ninjs ? "|ninjs" : "");
    }
}
