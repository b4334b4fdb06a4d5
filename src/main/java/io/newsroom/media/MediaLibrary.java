package io.newsroom.media;

import io.newsroom.paging.Page;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.NotFoundProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The media library: photos in, checked and re-encoded; photos out, as renditions. The order of an
 * upload is the order of the checks, cheapest first: size, the type from the first bytes, the pixel
 * count from the header, and only then decoding, in a bounded slot and subsampled.
 */
@Service
public class MediaLibrary {

    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);

    /** The library item, and whether this upload added it (false: the same bytes were there already). */
    public record Uploaded(MediaView item, boolean created) {
    }

    /** What an editor sends with a photo; null leaves what the file's metadata says. */
    public record EditorText(String caption, String credit, String alt) {
        public static final EditorText NONE = new EditorText(null, null, null);
    }

    private final MediaProperties properties;
    private final MediaItems items;
    private final MediaStore store;
    private final MediaUrls urls;
    private final ImageDecoder decoder;
    private final Renditions renditions;
    private final ServedRenditions served;
    private final MediaFetcher fetcher;
    private final ObjectProvider<MediaUsage> usages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Crops made ahead of readers when a bucket serves them (it cannot make a missing one). */
    private final ExecutorService ahead = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "media-renditions");
        thread.setDaemon(true);
        return thread;
    });

    MediaLibrary(MediaProperties properties, MediaItems items, MediaStore store, MediaUrls urls, ImageDecoder decoder, Renditions renditions,
                 ServedRenditions served, MediaFetcher fetcher, ObjectProvider<MediaUsage> usages, ApplicationEventPublisher events) {
        this.properties = properties;
        this.items = items;
        this.store = store;
        this.urls = urls;
        this.decoder = decoder;
        this.renditions = renditions;
        this.served = served;
        this.fetcher = fetcher;
        this.usages = usages;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** Adds an uploaded file (a temporary file the caller deletes afterwards). */
    public Uploaded upload(Path file, EditorText text) {
        return add(file, text, null);
    }

    /** Fetches a photo from a URL (through the outbound guard) and adds it; a failed fetch is a 422. */
    public Uploaded fetch(String url, EditorText text) {
        MediaFetcher.Fetched fetched = fetcher.fetch(url);
        if (fetched.file() == null) {
            throw MediaProblem.notFetched(fetched.error());
        }
        try {
            return add(fetched.file(), text, url);
        } finally {
            MediaFetcher.deleteQuietly(fetched.file());
        }
    }

    /** For other content's photos (feed items, ninjs): never throws for the photo's faults, says why in the warning. */
    public MediaImport importFrom(String url) {
        try {
            return new MediaImport(Optional.of(fetch(url, EditorText.NONE).item()), null);
        } catch (MediaProblem problem) {
            return new MediaImport(Optional.empty(), "Image " + url + " not kept: " + problem.getMessage());
        } catch (RuntimeException e) {
            log.warn("Image {} could not be imported", url, e);
            return new MediaImport(Optional.empty(), "Image " + url + " not kept: it could not be processed");
        }
    }

    private Uploaded add(Path file, EditorText text, String sourceUrl) {
        long size = size(file);
        if (size == 0) {
            throw MediaProblem.emptyFile();
        }
        if (size > properties.maxBytes().toBytes()) {
            throw MediaProblem.tooManyBytes(properties.maxBytes().toBytes());
        }
        String hash = sha256(file);
        Optional<MediaItem> existing = items.findByHash(hash);
        if (existing.isPresent()) {
            return new Uploaded(view(existing.get()), false);
        }
        ImageType type = ImageType.sniff(head(file)).orElseThrow(MediaProblem::unsupportedType);
        ImageHeader header = ImageHeader.read(file, type);
        if (header.pixels() > properties.maxPixels()) {
            throw MediaProblem.tooManyPixels(header.storedWidth(), header.storedHeight(), properties.maxPixels());
        }
        if (type == ImageType.JPEG && !hasEndOfImage(file)) {
            throw MediaProblem.corrupt(); // cut off before its end: readers would get grey where the rest was
        }
        PhotoMetadata.Read metadata = PhotoMetadata.of(file);
        boolean turned = metadata.orientation() >= 5;
        int width = turned ? header.storedHeight() : header.storedWidth();
        int height = turned ? header.storedWidth() : header.storedHeight();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PhotoText prefilled = new PhotoText(text.caption(), text.credit(), null).or(metadata.text());
        MediaItem item = new MediaItem(UUID.randomUUID(), hash, type.mediaType(), width, height, size, prefilled.caption(),
                prefilled.credit(), prefilled.copyright(), new PhotoText(text.alt(), null, null).caption(), 0.5, 0.5, sourceUrl, now, now);
        decoder.withSlot(() -> {
            ImageDecoder.Decoded decoded = decoder.decode(file, header, metadata.orientation(), renditions.subsampling(item));
            store.put(item.originalKey(), file, type.mediaType());
            renditions.ensure(item, Crop.ORIGINAL, decoded);
            return null;
        });
        if (!items.insert(item)) {
            return new Uploaded(view(items.findByHash(hash).orElseThrow()), false); // the same file, uploaded at the same moment
        }
        makeCropsAhead(item);
        return new Uploaded(view(item), true);
    }

    public MediaView get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundProblem("photo", id));
    }

    public Optional<MediaView> find(UUID id) {
        return items.find(id).map(this::view);
    }

    public boolean exists(UUID id) {
        return items.find(id).isPresent();
    }

    /** The photos of these ids that exist, by id. */
    public Map<UUID, MediaView> findAll(Collection<UUID> ids) {
        Map<UUID, MediaView> found = new LinkedHashMap<>();
        for (MediaItem item : items.findAll(List.copyOf(ids))) {
            found.put(item.id(), view(item));
        }
        return found;
    }

    public Page<MediaView> list(String q, int limit, String cursor) {
        return items.list(q, limit, cursor).map(this::view);
    }

    public MediaView change(UUID id, MediaChange change) {
        MediaItem item = items.find(id).orElseThrow(() -> new NotFoundProblem("photo", id));
        MediaView.FocalPoint focal = change.focalPoint();
        MediaItem changed = new MediaItem(item.id(), item.contentHash(), item.contentType(), item.width(), item.height(), item.bytes(),
                pick(change.caption(), item.caption(), 2000), pick(change.credit(), item.credit(), 300),
                pick(change.copyright(), item.copyright(), 300), pick(change.alt(), item.alt(), 2000),
                focal == null ? item.focalX() : focal.x(), focal == null ? item.focalY() : focal.y(), item.sourceUrl(), item.createdAt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        items.update(changed);
        if (focal != null) {
            makeCropsAhead(changed);
        }
        events.publishEvent(new MediaChanged(id));
        return view(changed);
    }

    private static String pick(Optional<String> change, String current, int max) {
        if (change == null) {
            return current;
        }
        return change.map(text -> new PhotoText(text, null, null).caption()).map(text -> text.length() > max ? text.substring(0, max) : text)
                .orElse(null);
    }

    /** Deletes a photo nothing shows; a photo in use is a 409 naming its users. */
    public void delete(UUID id) {
        MediaItem item = items.find(id).orElseThrow(() -> new NotFoundProblem("photo", id));
        List<MediaUsage.User> users = usages.orderedStream().flatMap(usage -> usage.usersOf(id).stream()).toList();
        if (!users.isEmpty()) {
            throw new ConflictProblem("The photo is used by " + users.size() + (users.size() == 1 ? " article" : " articles")
                    + "; take it out of them first").property("articles",
                    users.stream().map(user -> Map.of("id", user.id(), "headline", user.title())).toList());
        }
        items.delete(id); // an article that took the photo meanwhile keeps the row: the foreign key refuses this with a 409
        store.deleteAll(item.renditionPrefix());
        store.deleteAll(item.originalKey());
        served.forget(item.contentHash());
    }

    /** The uploaded original, for editors. */
    public Optional<Original> original(UUID id) {
        return items.find(id).flatMap(item -> store.get(item.originalKey()).map(bytes -> new Original(item.contentType(), bytes)));
    }

    public record Original(String contentType, byte[] bytes) {
    }

    private void makeCropsAhead(MediaItem item) {
        if (store.publicUrl(item.originalKey()).isEmpty()) {
            return; // this service serves renditions and makes a crop when first asked for it
        }
        ahead.submit(() -> {
            try {
                for (Crop crop : renditions.crops()) {
                    renditions.ensure(item, crop, null);
                }
            } catch (RuntimeException e) {
                log.warn("Crops of photo {} could not be made ahead; they are made when asked for", item.id(), e);
            }
        });
    }

    MediaView view(MediaItem item) {
        List<Rendition> all = renditions.of(item);
        int largest = all.stream().filter(r -> r.crop().equals("original")).mapToInt(Rendition::width).max().orElseThrow();
        RenditionName name = RenditionName.of(Crop.ORIGINAL, 0, 0, largest, RenditionFormat.JPEG);
        // served here, the largest rendition's URL leaves the format to the reader's Accept; a bucket cannot choose
        String url = store.publicUrl(item.originalKey()).isPresent() ? urls.of(item.contentHash(), name) : urls.neutral(item.contentHash(), name);
        return new MediaView(item.id(), url, item.contentType(), item.width(), item.height(), item.bytes(), item.caption(), item.credit(),
                item.copyright(), item.alt(), new MediaView.FocalPoint(item.focalX(), item.focalY()), all,
                "/api/admin/media/" + item.id() + "/original", item.sourceUrl(), item.createdAt(), item.updatedAt());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ImageType.SIGNATURE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG's end-of-image marker (FF D9) somewhere after its start. */
    private static boolean hasEndOfImage(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int previous = 0;
            byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    int b = buffer[i] & 0xFF;
                    if (previous == 0xFF && b == 0xD9) {
                        return true;
                    }
                    previous = b;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
