package io.newsroom.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Photos for tests: the committed files under src/test/resources/media (made by
 * tools/make-test-images.py), photos drawn here (unique noise, so no two tests share a content hash),
 * and a client that uploads them as a browser's form does and reads files back as bytes.
 */
public final class Photos {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final JsonMapper json;

    public Photos(int port, JsonMapper json) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.json = json;
    }

    /** A committed test file: iphone.jpg, cmyk.jpg, alpha.png, photo.webp, animated.gif, bomb.png, truncated.jpg, script.svg... */
    public static byte[] file(String name) {
        try (InputStream in = Photos.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test photo " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG no other test has: left half {@code left}, right half {@code right}, with a little noise. */
    public static byte[] jpeg(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        Random random = new Random(UUID.randomUUID().getMostSignificantBits());
        for (int i = 0; i < 64; i++) {
            image.setRGB(random.nextInt(width), random.nextInt(height), random.nextInt());
        }
        return encodedJpeg(image);
    }

    public static byte[] jpeg(int width, int height) {
        return jpeg(width, height, Color.DARK_GRAY, Color.LIGHT_GRAY);
    }

    private static byte[] encodedJpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG of random pixels: nothing compresses, so its renditions are as large as a photo's get. */
    public static byte[] grainyJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(UUID.randomUUID().getMostSignificantBits());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return encodedJpeg(image);
    }

    /** Decodes a served JPEG, PNG or WebP (TwelveMonkeys reads WebP). */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("Not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** One HTTP answer with its body as bytes. */
    public record Answer(int status, byte[] body, HttpResponse<byte[]> response, JsonMapper mapper) {
        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        @Override
        public String toString() {
            return status + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Uploads {@code bytes} as the form part {@code file} named {@code fileName}, declared as {@code partType}, with extra fields. */
    public Answer upload(String key, String fileName, String partType, byte[] bytes, String... fields) {
        String boundary = "----newsroom" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/media")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    public Answer upload(String key, String testFile) {
        return upload(key, testFile, "image/jpeg", file(testFile));
    }

    /** The site's own URLs (newsroom.site.url, left at its default in tests) lead to the service under test. */
    private static final String SITE_URL = "http://localhost:8080";

    /** GETs a URL (absolute, one on the site, or a path on the service) with optional header name/value pairs. */
    public Answer get(String url, String... headers) {
        return send("GET", url, headers);
    }

    /** DELETEs a path on the service with an API key (a library photo: {@code /api/admin/media/{id}}). */
    public Answer delete(String key, String path) {
        return send("DELETE", path, "Authorization", "Bearer " + key);
    }

    /** HEADs a URL as {@link #get} GETs it. */
    public Answer head(String url, String... headers) {
        return send("HEAD", url, headers);
    }

    private Answer send(String method, String url, String... headers) {
        String path = url.startsWith(SITE_URL + "/") ? url.substring(SITE_URL.length()) : url;
        String absolute = path.startsWith("http") ? path : baseUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
