package io.newsroom.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Rendition files recently sent to readers, kept in memory so that a popular photo is answered
 * without a query, a file read or Spring MVC ({@link io.newsroom.media.web.RenditionFilter}). A
 * rendition's bytes never change under its URL, so nothing has to be emptied when a photo is edited:
 * a moved focal point names new files. Only a deleted photo must stop being served: this instance
 * forgets it at once, and every copy is checked against the library again after {@link #RECHECK},
 * which bounds how long another instance may still serve a photo deleted elsewhere.
 */
@Component
class ServedRenditions {

    /** How long a copy is served before the library is asked again whether the photo still exists. */
    static final Duration RECHECK = Duration.ofSeconds(10);

    private final Cache<String, MediaFiles.Served> files;

    ServedRenditions(MediaProperties properties, MeterRegistry meters) {
        this.files = Caffeine.newBuilder()
                .maximumWeight(properties.servedMemory().toBytes())
                .weigher((String key, MediaFiles.Served served) -> served.bytes().length + key.length() * 2 + 256)
                .expireAfterWrite(RECHECK)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, files, "media-renditions");
    }

    MediaFiles.Served get(String contentHash, RenditionName name) {
        return files.getIfPresent(key(contentHash, name));
    }

    void put(String contentHash, RenditionName name, MediaFiles.Served served) {
        files.put(key(contentHash, name), served);
    }

    /** A deleted photo: none of its renditions is served from here again. */
    void forget(String contentHash) {
        String prefix = contentHash + "/";
        files.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    }

    private static String key(String contentHash, RenditionName name) {
        return contentHash + "/" + name;
    }
}
