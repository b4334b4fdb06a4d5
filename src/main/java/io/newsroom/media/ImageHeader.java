package io.newsroom.media;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's stored width and height, read from its header alone: a decompression bomb (a few KB
 * declaring 100,000 × 100,000 pixels) is measured without one pixel being decoded.
 */
record ImageHeader(ImageType type, int storedWidth, int storedHeight) {

    static ImageHeader read(Path file, ImageType type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageReaders.forType(type);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw MediaProblem.corrupt();
                }
                return new ImageHeader(type, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaProblem problem) {
                throw problem;
            }
            throw MediaProblem.corrupt();
        }
    }

    long pixels() {
        return (long) storedWidth * storedHeight;
    }
}
