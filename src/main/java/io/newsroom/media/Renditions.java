package io.newsroom.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;

/**
 * The renditions of a photo: for the photo's own ratio and each configured crop, every configured
 * width the photo can fill, in every configured format. Only these exist: a URL naming anything else
 * is a 404, so no request can make the service compute an arbitrary size. Each crop's set is made
 * once: concurrent requests for a missing one wait for the one making it, and a made set is stored.
 * The photo's own ratio is made at upload; crops when first asked for (or at once when a bucket
 * serves readers, since it cannot ask).
 */
@Component
class Renditions {

    private final MediaProperties properties;
    private final MediaStore store;
    private final MediaUrls urls;
    private final ImageDecoder decoder;
    private final ImageEncoder encoder;
    private final List<Crop> crops;
    private final List<RenditionFormat> formats;
    private final Map<String, CompletableFuture<Void>> making = new ConcurrentHashMap<>();
    private final Counter made;

    Renditions(MediaProperties properties, MediaStore store, MediaUrls urls, ImageDecoder decoder, ImageEncoder encoder,
               MeterRegistry meters) {
        this.properties = properties;
        this.store = store;
        this.urls = urls;
        this.decoder = decoder;
        this.encoder = encoder;
        this.crops = properties.crops().stream().map(Crop::parse).toList();
        this.formats = properties.formats().stream().map(RenditionFormat::ofSetting).toList();
        this.made = Counter.builder("newsroom.media.renditions.made").description("Rendition files made and stored").register(meters);
    }

    /** The photo's own ratio first, then the configured crops. */
    List<Crop> crops() {
        List<Crop> all = new ArrayList<>();
        all.add(Crop.ORIGINAL);
        all.addAll(crops);
        return all;
    }

    /** Every rendition of the item, as readers get them. */
    List<Rendition> of(MediaItem item) {
        List<Rendition> all = new ArrayList<>();
        for (Crop crop : crops()) {
            for (RenditionName name : names(item, crop)) {
                Rectangle region = region(item, crop);
                all.add(new Rendition(urls.of(item.contentHash(), name), name.width(), RenditionGeometry.height(region, crop, name.width()),
                        name.format().apiName(), crop.label()));
            }
        }
        return all;
    }

    private Rectangle region(MediaItem item, Crop crop) {
        return RenditionGeometry.region(item.width(), item.height(), crop, item.focalX(), item.focalY());
    }

    private List<RenditionName> names(MediaItem item, Crop crop) {
        List<RenditionName> names = new ArrayList<>();
        for (int width : RenditionGeometry.widths(region(item, crop), properties.widths())) {
            for (RenditionFormat format : formats) {
                names.add(RenditionName.of(crop, item.focalX(), item.focalY(), width, format));
            }
        }
        return names;
    }

    /** Whether {@code name} is one of the item's renditions now, or one it had before its focal point moved. */
    boolean exists(MediaItem item, RenditionName name) {
        if (name.format() == null || !formats.contains(name.format())) {
            return false;
        }
        if (!name.crop().original() && !crops.contains(name.crop())) {
            return false;
        }
        boolean current = names(item, name.crop()).contains(name);
        return current || store.exists(MediaUrls.key(item.contentHash(), name));
    }

    /** The file, made first (with the rest of its crop's set) when it is one of the current renditions not yet made. */
    Optional<byte[]> file(MediaItem item, RenditionName name) {
        String key = MediaUrls.key(item.contentHash(), name);
        Optional<byte[]> stored = store.get(key);
        if (stored.isPresent() || !names(item, name.crop()).contains(name)) {
            return stored;
        }
        ensure(item, name.crop(), null);
        return store.get(key);
    }

    /**
     * Makes the crop's set unless it is stored: one maker per set at a time in this instance, the
     * others waiting for it. {@code decoded}: the upload's pixels, when they are at hand.
     */
    void ensure(MediaItem item, Crop crop, ImageDecoder.Decoded decoded) {
        List<RenditionName> names = names(item, crop);
        String setKey = MediaUrls.key(item.contentHash(), names.get(0));
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = making.putIfAbsent(setKey, mine);
        if (running != null) {
            try {
                running.join();
                return;
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            if (!allStored(item, names)) {
                if (decoded != null) {
                    make(item, crop, names, decoded);
                } else {
                    decodeAndMake(item, List.of(crop));
                }
            }
            mine.complete(null);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(setKey, mine);
        }
    }

    private boolean allStored(MediaItem item, List<RenditionName> names) {
        // the last one is written last, so it being there means the whole set is
        return store.exists(MediaUrls.key(item.contentHash(), names.get(names.size() - 1)));
    }

    /** Decodes the stored original (in a decoding slot) and makes the crops' sets from it. */
    void decodeAndMake(MediaItem item, List<Crop> wanted) {
        Path original;
        try {
            original = Files.createTempFile("newsroom-media-", ".original");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!store.copyTo(item.originalKey(), original)) {
                throw new IllegalStateException("The original of media " + item.id() + " is missing from the store");
            }
            ImageType type = ImageType.ofMediaType(item.contentType()).orElseThrow();
            ImageHeader header = ImageHeader.read(original, type);
            int orientation = PhotoMetadata.of(original).orientation();
            decoder.withSlot(() -> {
                ImageDecoder.Decoded decoded = decoder.decode(original, header, orientation, subsampling(item));
                for (Crop crop : wanted) {
                    make(item, crop, names(item, crop), decoded);
                }
                return null;
            });
        } finally {
            try {
                Files.deleteIfExists(original);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the temporary directory
            }
        }
    }

    int subsampling(MediaItem item) {
        return ImageDecoder.subsampling(item.width(), item.height(), crops(), properties.widestRendition());
    }

    private void make(MediaItem item, Crop crop, List<RenditionName> names, ImageDecoder.Decoded decoded) {
        Rectangle full = region(item, crop);
        Rectangle scaled = scaledRegion(full, decoded);
        Integer lastWidth = null;
        BufferedImage pixels = null;
        for (RenditionName name : names) {
            if (lastWidth == null || lastWidth != name.width()) {
                pixels = ImageEncoder.scale(decoded.image(), scaled, name.width(), RenditionGeometry.height(full, crop, name.width()));
                lastWidth = name.width();
            }
            store.put(MediaUrls.key(item.contentHash(), name), encoder.encode(pixels, name.format()), name.format().mediaType());
            made.increment();
        }
    }

    /** The region in the decoded (possibly subsampled) image's pixels. */
    private static Rectangle scaledRegion(Rectangle full, ImageDecoder.Decoded decoded) {
        BufferedImage image = decoded.image();
        int x = Math.min(image.getWidth() - 1, (int) Math.floor(full.x * decoded.scale()));
        int y = Math.min(image.getHeight() - 1, (int) Math.floor(full.y * decoded.scale()));
        int w = Math.max(1, Math.min(image.getWidth() - x, (int) Math.round(full.width * decoded.scale())));
        int h = Math.max(1, Math.min(image.getHeight() - y, (int) Math.round(full.height * decoded.scale())));
        return new Rectangle(x, y, w, h);
    }
}
