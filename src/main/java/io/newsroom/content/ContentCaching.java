package io.newsroom.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The caching headers every public response carries: Cache-Control (public, max-age,
 * stale-while-revalidate, stale-if-error), Last-Modified, and Surrogate-Key naming what is in the response so a CDN
 * can purge exactly the pages a change touches. The strong ETag, and the 304s of both
 * If-None-Match and If-Modified-Since, are added after the body is made ({@link ConditionalRequests}).
 */
@Component
@NamedInterface("api")
public class ContentCaching {

    private final CacheControl cacheControl;

    ContentCaching(CacheProperties properties) {
        this.cacheControl = CacheControl.maxAge(properties.maxAge().toSeconds(), TimeUnit.SECONDS)
                .cachePublic()
                .staleWhileRevalidate(properties.staleWhileRevalidate().toSeconds(), TimeUnit.SECONDS)
                // a CDN keeps serving what it holds while this service cannot reach its database
                .staleIfError(properties.staleIfError().toSeconds(), TimeUnit.SECONDS);
    }

    public <T> ResponseEntity<T> ok(T body, Instant lastModified, Collection<String> surrogateKeys) {
        return ok(body, lastModified, surrogateKeys, null);
    }

    public <T> ResponseEntity<T> ok(T body, Instant lastModified, Collection<String> surrogateKeys, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(cacheControl);
        tag(headers, surrogateKeys);
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (lastModified != null) {
            headers.setLastModified(lastModified);
        }
        return ResponseEntity.ok().headers(headers).body(body);
    }

    /** The headers naming a response's keys, one per CDN's spelling; part of what a stored rendering is made with. */
    public static final List<String> TAG_HEADERS = List.of("Surrogate-Key", "Cache-Tag", "Edge-Cache-Tag");

    /** Akamai reads at most 128 tags of an object and ignores the rest. */
    static final int EDGE_CACHE_TAG_LIMIT = 128;

    /**
     * The most characters of keys one header carries. Varnish takes at most 8 KB a header line,
     * Tomcat 8 KB of headers in all, Fastly and Cloudflare 16 KB: three headers of a hundred-item
     * list's keys would pass none of them. What is left out is only ever a list's per-item keys
     * (lists name their own key first): a change to any item purges the list's key too (V29).
     */
    static final int KEY_HEADER_BUDGET = 2_000;

    /**
     * The same keys in each CDN's header and separator: {@code Surrogate-Key} (Fastly, Varnish xkey:
     * spaces), {@code Cache-Tag} (Cloudflare: commas), {@code Edge-Cache-Tag} (Akamai: commas). All
     * three always go out, whichever purger is configured: the cache in front is not necessarily the
     * one purged (a Varnish shield behind a CDN, a CDN being switched), each CDN reads its own and
     * strips it before readers, and a few hundred bytes cost less than a page cached without its
     * keys. Keys come general first ("articles"), then per item, so the ones kept when a long list
     * is cut ({@link #KEY_HEADER_BUDGET}, Akamai's 128) are those that cover the whole page.
     */
    static void tag(HttpHeaders headers, Collection<String> surrogateKeys) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String key : surrogateKeys) {
            length += key.length() + (kept.isEmpty() ? 0 : 1);
            if (length > KEY_HEADER_BUDGET) {
                break;
            }
            kept.add(key);
        }
        headers.set("Surrogate-Key", String.join(" ", kept));
        headers.set("Cache-Tag", String.join(",", kept));
        headers.set("Edge-Cache-Tag", String.join(",", kept.subList(0, Math.min(kept.size(), EDGE_CACHE_TAG_LIMIT))));
    }

    /**
     * The public URLs whose answers are shared: the response cache and the ETag filter serve these
     * (and the reference article page, /articles/{slug}).
     */
    public static final String[] PUBLIC_URL_PATTERNS = {"/api/content/*", "/feeds/*", "/sitemap.xml", "/sitemap-news.xml", "/sitemaps/*", "/articles/*"};

    /** Under the public patterns but private to whoever holds the link: previews are never stored or shared. */
    public static final String PRIVATE_PREFIX = "/api/content/preview/";

    public static boolean isPrivate(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + PRIVATE_PREFIX);
    }

    public static String articleKey(Object id) {
        return "article-" + id;
    }

    /** The surrogate key of everything that shows an author (its profile, its feeds, the articles crediting it). */
    public static String authorKey(Object id) {
        return "author-" + id;
    }
}
