package io.newsroom.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Renditions recently sent to readers, remembered so that a popular photo is answered without a
 * query or Spring MVC ({@link io.newsroom.media.web.RenditionFilter}): on local disk the file's path
 * (sent by the server straight from the file), from a bucket the bytes. A rendition's content never
 * changes under its URL, so nothing has to be forgotten when a photo is edited: a moved focal point
 * names new files. Only a deleted photo must stop being served: this instance forgets it at once, and
 * every entry is checked against the library again after {@link #RECHECK}, which bounds how long
 * another instance may still serve a photo deleted elsewhere.
 */
@Component
class ServedRenditions {

    /** How long an entry is used before the library is asked again whether the photo still exists. */
    static final Duration RECHECK = Duration.ofSeconds(10);

    private final Cache<String, MediaFiles.Sent> sent;

    ServedRenditions(MediaProperties properties, MeterRegistry meters) {
        this.sent = Caffeine.newBuilder()
                .maximumWeight(properties.servedMemory().toBytes())
                .weigher((String key, MediaFiles.Sent entry) -> (entry.bytes() == null ? 0 : entry.bytes().length) + key.length() * 4 + 256)
                .expireAfterWrite(RECHECK)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, sent, "media-renditions");
    }

    MediaFiles.Sent get(String contentHash, RenditionName name) {
        return sent.getIfPresent(key(contentHash, name));
    }

    void put(String contentHash, RenditionName name, MediaFiles.Sent entry) {
        sent.put(key(contentHash, name), entry);
    }

    /** A deleted photo: none of its renditions is served from here again. */
    void forget(String contentHash) {
        String prefix = contentHash + "/";
        sent.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** A file that went away under its entry (deleted by another instance sharing the directory). */
    void forget(String contentHash, RenditionName name) {
        sent.invalidate(key(contentHash, name));
    }

    private static String key(String contentHash, RenditionName name) {
        return contentHash + "/" + name;
    }
}
