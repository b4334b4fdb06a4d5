package io.newsroom.media;

import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/** The ImageIO reader for a type: TwelveMonkeys' JPEG reader where present (CMYK, YCCK, ICC profiles), else the JDK's. */
final class ImageReaders {

    static {
        // In a packaged jar the plugins are not always found by the first ImageIO call's class loader.
        ImageIO.scanForPlugins();
    }

    private ImageReaders() {
    }

    static ImageReader forType(ImageType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (chosen == null || reader.getClass().getName().startsWith("com.twelvemonkeys")) {
                chosen = reader;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("No ImageIO reader for " + type.mediaType());
        }
        return chosen;
    }
}
