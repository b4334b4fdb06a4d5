package io.newsroom.content.cache;

import io.newsroom.content.ContentCaching;
import io.newsroom.content.ConditionalRequests;
import io.newsroom.content.NinjsDocument;
import io.newsroom.problem.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public GET and HEAD requests from {@link ContentResponseCache}, answering their conditions
 * ({@link ConditionalRequests}), and stores the 200 responses it had to compute for a URL asked for
 * before ({@link ContentResponseCache#worthStoring}). It runs before
 * everything else (security included), so a hit costs little more than Tomcat's own work.
 * While changes cannot be heard, requests go to the application; when the database cannot be
 * reached either, the last copy of the URL is served instead, marked as stale ({@code Age},
 * {@code Warning: 110}, {@code X-Newsroom-Stale}): readers keep the site through an outage.
 */
class ContentCacheFilter extends OncePerRequestFilter {

    /** Marks a copy served while the database could not be reached. */
    static final String STALE = "X-Newsroom-Stale";

    private final ContentResponseCache cache;

    ContentCacheFilter(ContentResponseCache cache) {
        this.cache = cache;
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
        if (!"GET".equals(request.getMethod()) || !cache.worthStoring(key)) {
            chain.doFilter(request, response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        boolean storable = wrapper.getStatus() == HttpServletResponse.SC_OK
                && wrapper.getHeader(HttpHeaders.ETAG) != null;
        if (storable) {
            List<Map.Entry<String, String>> headers = ResponseHeaders.of(wrapper);
            cache.put(key, generation, wrapper.getContentAsByteArray(), headers, wrapper.getHeader(HttpHeaders.ETAG),
                    ConditionalRequests.lastModified(wrapper.getHeader(HttpHeaders.LAST_MODIFIED)));
        }
        wrapper.copyBodyToResponse();
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
