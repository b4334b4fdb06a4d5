package io.newsroom.media;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Decodes photos into what every rendition is cut from: upright (EXIF orientation applied), in sRGB
 * (CMYK agency JPEGs and ICC-tagged photos converted), first frame of an animation. Bounded twice:
 * at most {@code decodesAtOnce} decodes run at a time, and a large image is decoded subsampled
 * (every n-th pixel of every n-th row, which the readers do row by row) to no more than the widest
 * rendition needs, so a 60-megapixel upload takes tens of megabytes of heap, not hundreds.
 */
@Component
class ImageDecoder {

    /** An upright sRGB image; {@code scale}: its width over the full-size upright width. */
    record Decoded(BufferedImage image, double scale) {
    }

    private final Semaphore slots;
    private final MediaProperties properties;

    ImageDecoder(MediaProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.decodesAtOnce(), true);
    }

    /** Holds a decoding slot for the whole of {@code work} (decoding and what is made from the pixels). */
    <T> T withSlot(SlotWork<T> work) {
        try {
            if (!slots.tryAcquire(properties.decodeWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw MediaProblem.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MediaProblem.busy();
        }
        try {
            return work.run();
        } finally {
            slots.release();
        }
    }

    @FunctionalInterface
    interface SlotWork<T> {
        T run();
    }

    Decoded decode(Path file, ImageHeader header, int orientation, int subsampling) {
        BufferedImage raw = read(file, header.type(), subsampling);
        BufferedImage upright = Orientation.apply(toSrgb(raw), orientation);
        int fullUprightWidth = orientation >= 5 ? header.storedHeight() : header.storedWidth();
        return new Decoded(upright, upright.getWidth() / (double) fullUprightWidth);
    }

    private static BufferedImage read(Path file, ImageType type, int subsampling) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageReaders.forType(type);
            Truncation truncation = new Truncation();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener(truncation);
                ImageReadParam param = reader.getDefaultReadParam();
                if (subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (truncation.seen || image == null) {
                    throw MediaProblem.corrupt();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaProblem problem) {
                throw problem;
            }
            throw MediaProblem.corrupt();
        } catch (OutOfMemoryError e) {
            // the header and the subsampling keep this from happening; should a reader still overrun, the upload fails alone
            throw MediaProblem.busy();
        }
    }

    /** Readers that fill a cut-off image with grey say so only in a warning: such an image is corrupt, not a photo. */
    private static final class Truncation implements IIOReadWarningListener {
        private boolean seen;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String text = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
            if (text.contains("premature") || text.contains("truncat") || text.contains("end of file") || text.contains("eof")) {
                seen = true;
            }
        }
    }

    /** The image in sRGB, 8 bits a channel (RGB, or ARGB where it has transparency). */
    static BufferedImage toSrgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() && (image.getType() == type || image.getType() == BufferedImage.TYPE_3BYTE_BGR
                || image.getType() == BufferedImage.TYPE_4BYTE_ABGR)) {
            return image;
        }
        BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(), type);
        if (space.isCS_sRGB()) {
            Graphics2D g = srgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        } else {
            new ColorConvertOp(null).filter(image, srgb);
        }
        return srgb;
    }

    /** The subsampling that still leaves every rendition's source region at least as wide as the rendition. */
    static int subsampling(int uprightWidth, int uprightHeight, java.util.List<Crop> crops, int widestRendition) {
        int narrowest = uprightWidth;
        for (Crop crop : crops) {
            narrowest = Math.min(narrowest, RenditionGeometry.region(uprightWidth, uprightHeight, crop, 0.5, 0.5).width);
        }
        return Math.max(1, narrowest / Math.max(1, widestRendition));
    }

    /** EXIF orientations 2 to 8: mirror and turn the stored pixels so the image stands upright. */
    static final class Orientation {
        private Orientation() {
        }

        static BufferedImage apply(BufferedImage image, int orientation) {
            if (orientation <= 1 || orientation > 8) {
                return image;
            }
            int w = image.getWidth();
            int h = image.getHeight();
            boolean swap = orientation >= 5;
            AffineTransform t = new AffineTransform();
            switch (orientation) {
                case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
                case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
                case 4 -> { t.translate(0, h); t.scale(1, -1); }
                case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
                case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
                case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
                case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
                default -> { }
            }
            int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
            BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, type);
            Graphics2D g = turned.createGraphics();
            g.drawImage(image, t, null);
            g.dispose();
            return turned;
        }
    }
}
