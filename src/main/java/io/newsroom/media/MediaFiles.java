package io.newsroom.media;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Readers' side of the library: the rendition a {@code /media/} URL names, made on first request if
 * it is one of the photo's configured renditions, else nothing. A URL without a format gets WebP when
 * the reader's Accept lists it, JPEG otherwise. What was sent is kept a while ({@link ServedRenditions}).
 */
@Service
public class MediaFiles {

    /** A file to send; {@code negotiated}: chosen by Accept, so caches must key on it. */
    public record Served(byte[] bytes, String mediaType, String etag, boolean negotiated) {
    }

    /** The answer before any file is read: its ETag, for a conditional request. */
    public record Found(String etag, String mediaType, boolean negotiated, Lookup lookup) {
    }

    private final MediaItems items;
    private final Renditions renditions;
    private final ServedRenditions served;
    private final List<RenditionFormat> formats;

    MediaFiles(MediaItems items, Renditions renditions, ServedRenditions served, MediaProperties properties) {
        this.items = items;
        this.renditions = renditions;
        this.served = served;
        this.formats = properties.formats().stream().map(RenditionFormat::ofSetting).toList();
    }

    /** Who asked for what: the item and the rendition name with its format settled. */
    public record Lookup(MediaItem item, RenditionName name) {
    }

    public Optional<Found> find(String contentHash, String fileName, String accept) {
        Optional<RenditionName> parsed = RenditionName.parse(fileName);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<MediaItem> item = items.findByHash(contentHash);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        boolean negotiated = parsed.get().format() == null;
        RenditionName name = negotiated ? parsed.get().withFormat(negotiate(accept)) : parsed.get();
        if (!renditions.exists(item.get(), name)) {
            return Optional.empty();
        }
        String etag = "\"" + contentHash.substring(0, 24) + "-" + name + "\"";
        return Optional.of(new Found(etag, name.format().mediaType(), negotiated, new Lookup(item.get(), name)));
    }

    public Optional<Served> serve(Found found) {
        Optional<Served> file = renditions.file(found.lookup().item(), found.lookup().name())
                .map(bytes -> new Served(bytes, found.mediaType(), found.etag(), found.negotiated()));
        file.ifPresent(sent -> served.put(found.lookup().item().contentHash(), found.lookup().name(), sent));
        return file;
    }

    /**
     * The rendition as sent a moment ago, without asking the library or the store: empty when it was
     * not (or the name is not a rendition's), and the caller asks {@link #find} instead.
     */
    public Optional<Served> recentlyServed(String contentHash, String fileName, String accept) {
        Optional<RenditionName> parsed = RenditionName.parse(fileName);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        boolean negotiated = parsed.get().format() == null;
        RenditionName name = negotiated ? parsed.get().withFormat(negotiate(accept)) : parsed.get();
        Served sent = served.get(contentHash, name);
        return sent == null ? Optional.empty() : Optional.of(new Served(sent.bytes(), sent.mediaType(), sent.etag(), negotiated));
    }

    private RenditionFormat negotiate(String accept) {
        boolean webp = accept != null && accept.toLowerCase(Locale.ROOT).contains("image/webp");
        if (webp && formats.contains(RenditionFormat.WEBP)) {
            return RenditionFormat.WEBP;
        }
        return formats.contains(RenditionFormat.JPEG) ? RenditionFormat.JPEG : RenditionFormat.WEBP;
    }
}
