package io.newsroom.content;

import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The caching headers every public response carries: Cache-Control (public, max-age,
 * stale-while-revalidate, stale-if-error), Last-Modified, and Surrogate-Key naming what is in the response so a CDN
 * can purge exactly the pages a change touches. The strong ETag and If-None-Match are the
 * ShallowEtagHeaderFilter's (ContentCacheConfiguration); If-Modified-Since is answered here.
 */
@Component
public class ContentCaching {

    private final CacheControl cacheControl;

    ContentCaching(CacheProperties properties) {
        this.cacheControl = CacheControl.maxAge(properties.maxAge().toSeconds(), TimeUnit.SECONDS)
                .cachePublic()
                .staleWhileRevalidate(properties.staleWhileRevalidate().toSeconds(), TimeUnit.SECONDS)
                // a CDN keeps serving what it holds while this service cannot reach its database
                .staleIfError(properties.staleIfError().toSeconds(), TimeUnit.SECONDS);
    }

    public <T> ResponseEntity<T> ok(WebRequest request, T body, Instant lastModified, Collection<String> surrogateKeys) {
        return ok(request, body, lastModified, surrogateKeys, null);
    }

    public <T> ResponseEntity<T> ok(WebRequest request, T body, Instant lastModified, Collection<String> surrogateKeys, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(cacheControl);
        headers.set("Surrogate-Key", String.join(" ", surrogateKeys));
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (lastModified != null) {
            headers.setLastModified(lastModified);
            // If-None-Match, when sent, decides alone (RFC 9110 13.2.2); the ETag filter answers it.
            boolean etagDecides = request.getHeader(HttpHeaders.IF_NONE_MATCH) != null;
            if (!etagDecides && notModifiedSince(request, lastModified)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
            }
        }
        return ResponseEntity.ok().headers(headers).body(body);
    }

    private static boolean notModifiedSince(WebRequest request, Instant lastModified) {
        String since = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (since == null) {
            return false;
        }
        HttpHeaders parsed = new HttpHeaders();
        parsed.set(HttpHeaders.IF_MODIFIED_SINCE, since);
        try {
            long sinceMillis = parsed.getIfModifiedSince();
            // HTTP dates have whole seconds; a change within the same second counts as not newer.
            return sinceMillis >= 0 && lastModified.getEpochSecond() <= sinceMillis / 1000;
        } catch (IllegalArgumentException e) {
            return false; // an unreadable date is ignored, as RFC 9110 asks
        }
    }

    public static String articleKey(Object id) {
        return "article-" + id;
    }
}
