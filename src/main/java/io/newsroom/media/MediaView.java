package io.newsroom.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A library photo as the API shows it. {@code url}: the largest rendition of the photo's own ratio
 * (format by Accept when served here); {@code width}, {@code height}: upright, as readers see it;
 * {@code contentType}, {@code bytes}: of the original upload, which editors reach at {@code originalUrl}.
 */
public record MediaView(UUID id, String url, String contentType, int width, int height, long bytes, String caption, String credit,
                        String copyright, String alt, FocalPoint focalPoint, List<Rendition> renditions, String originalUrl,
                        String sourceUrl, Instant createdAt, Instant updatedAt) {

    /** Where crops are centred: fractions of width and height from the top left. */
    public record FocalPoint(double x, double y) {
    }

    /** The renditions of one crop ({@code original}, {@code 16:9}) in one format, narrowest first. */
    public List<Rendition> renditions(String crop, String format) {
        return renditions.stream().filter(r -> r.crop().equals(crop) && r.format().equals(format)).toList();
    }

    /** A {@code srcset} of one crop and format: "url 320w, url 640w". */
    public String srcset(String crop, String format) {
        return String.join(", ", renditions(crop, format).stream().map(r -> r.url() + " " + r.width() + "w").toList());
    }
}
