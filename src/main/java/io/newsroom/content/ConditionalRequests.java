package io.newsroom.content;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * The one answer to "may this GET be a 304?" (RFC 9110, 13.1 and 13.2.2), for every public response:
 * those computed now (ContentEtagFilter) and those served from the response cache
 * (ContentCacheFilter). If-None-Match decides alone when it is sent, compared weakly as a GET asks;
 * If-Modified-Since only without it, to the second, as HTTP dates are.
 */
public final class ConditionalRequests {

    private ConditionalRequests() {
    }

    /**
     * @param etag         the representation's strong ETag, quoted
     * @param lastModified its Last-Modified in epoch milliseconds, or a negative number for none
     */
    public static boolean isNotModified(HttpServletRequest request, String etag, long lastModified) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag);
        }
        if (lastModified < 0) {
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            // a change within the same second as the date sent counts as not newer
            return since >= 0 && lastModified / 1000 <= since / 1000;
        } catch (IllegalArgumentException e) {
            return false; // an unreadable date is ignored, as RFC 9110 asks
        }
    }

    /** A response's Last-Modified header in epoch milliseconds, as {@link #isNotModified} takes it; -1 for none. */
    public static long lastModified(String header) {
        if (header == null) {
            return -1;
        }
        HttpHeaders parsed = new HttpHeaders();
        parsed.set(HttpHeaders.LAST_MODIFIED, header);
        return parsed.getLastModified();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (etag == null) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
