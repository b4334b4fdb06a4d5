package io.newsroom.media;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a rendition's pixels come from and how big it is. A crop is the largest region of its
 * aspect ratio that fits the image, centred on the focal point and moved back inside the image
 * where the point is near an edge. Widths are never larger than the region: a photo is not enlarged.
 */
final class RenditionGeometry {

    private RenditionGeometry() {
    }

    static Rectangle region(int width, int height, Crop crop, double focalX, double focalY) {
        if (crop.original()) {
            return new Rectangle(0, 0, width, height);
        }
        double ratio = crop.width() / (double) crop.height();
        int w;
        int h;
        if (width / (double) height > ratio) {
            h = height;
            w = Math.max(1, Math.min(width, (int) Math.round(height * ratio)));
        } else {
            w = width;
            h = Math.max(1, Math.min(height, (int) Math.round(width / ratio)));
        }
        int x = clamp((int) Math.round(focalX * width - w / 2.0), 0, width - w);
        int y = clamp((int) Math.round(focalY * height - h / 2.0), 0, height - h);
        return new Rectangle(x, y, w, h);
    }

    /** The configured widths the region can fill; a region narrower than all of them gets its own width. */
    static List<Integer> widths(Rectangle region, List<Integer> configured) {
        List<Integer> widths = new ArrayList<>();
        configured.stream().sorted().filter(w -> w <= region.width).forEach(widths::add);
        if (widths.isEmpty()) {
            widths.add(region.width);
        }
        return widths;
    }

    /** The height of a rendition {@code width} wide: the crop's exact ratio, or the region's. */
    static int height(Rectangle region, Crop crop, int width) {
        double ratio = crop.original() ? region.width / (double) region.height : crop.width() / (double) crop.height();
        return Math.max(1, (int) Math.round(width / ratio));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
