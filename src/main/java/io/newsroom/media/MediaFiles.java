package io.newsroom.media;

import java.nio.file.Files;
import java.nio.file.Path;
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
    private final MediaStore store;
    private final List<RenditionFormat> formats;

    MediaFiles(MediaItems items, Renditions renditions, ServedRenditions served, MediaStore store, MediaProperties properties) {
        this.items = items;
        this.renditions = renditions;
        this.served = served;
        this.store = store;
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
        RenditionName name = settled(parsed.get(), accept);
        if (!renditions.exists(item.get(), name)) {
            return Optional.empty();
        }
        String etag = "\"" + contentHash.substring(0, 24) + "-" + name + "\"";
        return Optional.of(new Found(etag, name.format().mediaType(), negotiated, new Lookup(item.get(), name)));
    }

    public Optional<Served> serve(Found found) {
        MediaItem item = found.lookup().item();
        RenditionName name = found.lookup().name();
        Optional<Served> file = renditions.file(item, name).map(bytes -> new Served(bytes, found.mediaType(), found.etag(), found.negotiated()));
        file.ifPresent(read -> served.put(item.contentHash(), name, Sent.of(read,
                read.bytes().length < SENT_FROM_FILE ? null : store.localFile(MediaUrls.key(item.contentHash(), name)).orElse(null))));
        return file;
    }

    /**
     * From this size on a rendition on local disk is sent from its file (Tomcat's sendfile); a smaller
     * one is written from memory, which costs less than handing a file over. Tomcat's own static file
     * servlet draws the line at the same size.
     */
    static final int SENT_FROM_FILE = 48 * 1024;

    /**
     * A rendition sent a moment ago: its file on this machine's disk when it is large and the store is
     * local ({@code bytes} null then: the server sends the file itself), else its bytes.
     */
    public record Sent(String etag, String mediaType, long length, Path file, byte[] bytes, boolean negotiated) {

        public Sent {
            if (file != null) {
                bytes = null; // the file is the copy kept; holding its bytes too would spend memory for nothing
            }
        }

        /** What was just read and served, kept as its file on local disk when there is one, else its bytes. */
        static Sent of(Served read, Path file) {
            return new Sent(read.etag(), read.mediaType(), read.bytes().length, file, read.bytes(), read.negotiated());
        }

        Sent negotiated(boolean chosenByAccept) {
            return new Sent(etag, mediaType, length, file, bytes, chosenByAccept);
        }
    }

    /**
     * The rendition as sent a moment ago, without asking the library: empty when it was not (or the
     * name is not a rendition's, or its file went away), and the caller asks {@link #find} instead.
     */
    public Optional<Sent> recentlyServed(String contentHash, String fileName, String accept) {
        Optional<RenditionName> parsed = RenditionName.parse(fileName);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        boolean negotiated = parsed.get().format() == null;
        RenditionName name = settled(parsed.get(), accept);
        Sent sent = served.get(contentHash, name);
        if (sent == null) {
            return Optional.empty();
        }
        if (sent.file() != null && !Files.isRegularFile(sent.file())) {
            // deleted by another instance sharing the directory: the library answers (404)
            served.forget(contentHash, name);
            return Optional.empty();
        }
        return Optional.of(sent.negotiated(negotiated));
    }

    /** The rendition a URL names, its format chosen by the reader's Accept when the URL leaves it open. */
    private RenditionName settled(RenditionName parsed, String accept) {
        return parsed.format() == null ? parsed.withFormat(negotiate(accept)) : parsed;
    }

    private RenditionFormat negotiate(String accept) {
        boolean webp = accept != null && accept.toLowerCase(Locale.ROOT).contains("image/webp");
        if (webp && formats.contains(RenditionFormat.WEBP)) {
            return RenditionFormat.WEBP;
        }
        return formats.contains(RenditionFormat.JPEG) ? RenditionFormat.JPEG : RenditionFormat.WEBP;
    }
}
