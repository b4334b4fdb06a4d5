package io.newsroom.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Writes renditions. Only pixels go in: the JPEG writer is given no metadata (its file has a JFIF
 * header and nothing else), and cwebp is given raw pixels (PAM) with {@code -metadata none}, so no
 * EXIF, GPS position, serial number or XMP of the original can reach a reader.
 */
@Component
class ImageEncoder {

    private final MediaProperties properties;

    ImageEncoder(MediaProperties properties) {
        this.properties = properties;
    }

    /** The region of the upright image, scaled to width × height (downscaled in halving steps, which keeps detail). */
    static BufferedImage scale(BufferedImage source, Rectangle region, int width, int height) {
        boolean alpha = source.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source.getSubimage(region.x, region.y, region.width, region.height);
        int w = region.width;
        int h = region.height;
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h, type);
        }
        return draw(current, width, height, type);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    byte[] encode(BufferedImage image, RenditionFormat format) {
        return format == RenditionFormat.WEBP ? webp(image) : jpeg(image);
    }

    /** Transparent areas become white: JPEG has no transparency. */
    byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = jdkJpegWriter();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(properties.jpegQuality() / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter jdkJpegWriter() {
        var writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter chosen = null;
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (chosen == null || writer.getClass().getName().startsWith("com.sun")) {
                chosen = writer;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("No JPEG writer");
        }
        return chosen;
    }

    /** cwebp reads the pixels as PAM on its standard input and writes the WebP file on its standard output. */
    byte[] webp(BufferedImage image) {
        ProcessBuilder builder = new ProcessBuilder(properties.cwebp(), "-quiet", "-q", Integer.toString(properties.webpQuality()),
                "-metadata", "none", "-o", "-", "--", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cwebp could not be started (" + properties.cwebp() + "): " + e.getMessage(), e);
        }
        try {
            // the pixels go in on a thread of their own while this one reads what comes out
            CompletableFuture<Void> input = new CompletableFuture<>();
            Thread writer = new Thread(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    writePam(image, in);
                    input.complete(null);
                } catch (IOException | RuntimeException e) {
                    input.completeExceptionally(e);
                }
            }, "cwebp-input");
            writer.setDaemon(true);
            writer.start();
            byte[] webp = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("cwebp took longer than 60 s");
            }
            input.get(10, TimeUnit.SECONDS);
            if (process.exitValue() != 0 || webp.length == 0) {
                throw new IllegalStateException("cwebp failed with exit code " + process.exitValue());
            }
            return webp;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing WebP", e);
        } catch (Exception e) {
            if (e instanceof IllegalStateException state) {
                throw state;
            }
            throw new IllegalStateException("cwebp failed: " + e.getMessage(), e);
        } finally {
            process.destroy();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePam(BufferedImage image, OutputStream out) throws IOException {
        boolean alpha = image.getColorModel().hasAlpha();
        int depth = alpha ? 4 : 3;
        String header = "P7\nWIDTH " + image.getWidth() + "\nHEIGHT " + image.getHeight() + "\nDEPTH " + depth
                + "\nMAXVAL 255\nTUPLTYPE " + (alpha ? "RGB_ALPHA" : "RGB") + "\nENDHDR\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        int width = image.getWidth();
        int[] argb = new int[width];
        byte[] row = new byte[width * depth];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            int i = 0;
            for (int pixel : argb) {
                row[i++] = (byte) (pixel >> 16);
                row[i++] = (byte) (pixel >> 8);
                row[i++] = (byte) pixel;
                if (alpha) {
                    row[i++] = (byte) (pixel >>> 24);
                }
            }
            out.write(row);
        }
    }

    /** Whether cwebp runs here: checked at start-up when WebP renditions are configured. */
    boolean cwebpRuns() {
        try {
            Process process = new ProcessBuilder(properties.cwebp(), "-version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
