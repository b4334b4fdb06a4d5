package io.newsroom.media.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;

/** The headers of a rendition, the same from memory ({@link RenditionFilter}) and from the library ({@link PublicMediaController}). */
final class RenditionHeaders {

    /** The URL names the file's content, so it never changes: browsers and CDNs keep it a year without asking. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /**
     * The headers naming a response's purge keys, one per CDN's spelling: those of content.ContentCaching, which this
     * module cannot name (content shows photos). Deleting a photo purges its key (migration V30).
     */
    private static final List<String> KEY_HEADERS = List.of("Surrogate-Key", "Cache-Tag", "Edge-Cache-Tag");

    private RenditionHeaders() {
    }

    /** Everything but the type and length of a body, which a 304 does not have. */
    static HttpHeaders of(String contentHash, String etag, boolean negotiated) {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(IMMUTABLE);
        KEY_HEADERS.forEach(name -> headers.set(name, "media-" + contentHash));
        headers.setETag(etag);
        headers.set("X-Content-Type-Options", "nosniff");
        if (negotiated) {
            headers.setVary(List.of(HttpHeaders.ACCEPT));
        }
        return headers;
    }

    /** Whether the reader holds this file already: a strong comparison is enough, every ETag here is strong. */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }
}
