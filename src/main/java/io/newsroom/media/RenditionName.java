package io.newsroom.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last part of a rendition's URL: {@code w1280.webp} for the photo's own ratio,
 * {@code 16x9-f5000-3000-w1280.jpg} for a crop around the focal point (in ten-thousandths of width
 * and height), so that moving the point makes new URLs and the old ones stay what they were. Without
 * an extension the format follows the request's {@code Accept}.
 */
record RenditionName(Crop crop, int focalX, int focalY, int width, RenditionFormat format) {

    private static final Pattern NAME = Pattern.compile("(?:([1-9][0-9]?)x([1-9][0-9]?)-f([0-9]{1,5})-([0-9]{1,5})-)?w([1-9][0-9]{0,4})(?:\\.(jpg|webp))?");

    static Optional<RenditionName> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Crop crop = m.group(1) == null ? Crop.ORIGINAL : new Crop(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        int fx = crop.original() ? 0 : Integer.parseInt(m.group(3));
        int fy = crop.original() ? 0 : Integer.parseInt(m.group(4));
        if (fx > 10_000 || fy > 10_000) {
            return Optional.empty();
        }
        RenditionFormat format = m.group(6) == null ? null : RenditionFormat.ofExtension(m.group(6));
        return Optional.of(new RenditionName(crop, fx, fy, Integer.parseInt(m.group(5)), format));
    }

    static RenditionName of(Crop crop, double focalX, double focalY, int width, RenditionFormat format) {
        return crop.original() ? new RenditionName(crop, 0, 0, width, format)
                : new RenditionName(crop, focalUnits(focalX), focalUnits(focalY), width, format);
    }

    static int focalUnits(double fraction) {
        return (int) Math.round(fraction * 10_000);
    }

    RenditionName withFormat(RenditionFormat chosen) {
        return new RenditionName(crop, focalX, focalY, width, chosen);
    }

    /** The name without its format: what the content-negotiated URL ends in. */
    String neutral() {
        return (crop.original() ? "" : crop.urlName() + "-f" + focalX + "-" + focalY + "-") + "w" + width;
    }

    @Override
    public String toString() {
        return format == null ? neutral() : neutral() + "." + format.extension();
    }
}
