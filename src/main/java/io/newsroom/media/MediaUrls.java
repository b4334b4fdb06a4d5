package io.newsroom.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Readers' URLs of renditions: this service's {@code /media/<hash>/<name>} on the site's base URL, or
 * the bucket's or CDN's when the store serves them (NEWSROOM_MEDIA_PUBLIC_BASE_URL).
 */
@Component
class MediaUrls {

    private final String siteUrl;
    private final MediaStore store;

    MediaUrls(@Value("${newsroom.site.url:http://localhost:8080}") String siteUrl, MediaStore store) {
        this.siteUrl = siteUrl.replaceAll("/+$", "");
        this.store = store;
    }

    static String key(String contentHash, RenditionName name) {
        return "media/" + contentHash + "/" + name;
    }

    String of(String contentHash, RenditionName name) {
        return store.publicUrl(key(contentHash, name)).orElseGet(() -> siteUrl + "/" + key(contentHash, name));
    }

    /** The format-neutral URL (WebP or JPEG by the reader's Accept), served by this service only. */
    String neutral(String contentHash, RenditionName name) {
        return siteUrl + "/media/" + contentHash + "/" + name.neutral();
    }
}
