package io.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.Photos;
import io.newsroom.support.Photos.Answer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Renditions: only the configured ones, each made once, immutable, cropped around the focal point. */
class MediaRenditionsIT extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    private Photos photos;

    @BeforeEach
    void client() {
        photos = new Photos(port, json);
    }

    private JsonNode upload(byte[] jpeg) {
        Answer answer = photos.upload(writerKey, "photo.jpg", "image/jpeg", jpeg);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private static List<JsonNode> renditions(JsonNode item, String crop, String format) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode r : item.get("renditions")) {
            if (r.get("crop").asString().equals(crop) && r.get("format").asString().equals(format)) {
                found.add(r);
            }
        }
        return found;
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/media/"));
    }

    @Test
    void configuredWidthsFormatsAndCropsNeverUpscaled() {
        JsonNode item = upload(Photos.jpeg(1600, 1000));
        assertThat(renditions(item, "original", "jpeg")).extracting(r -> r.get("width").asInt()).containsExactly(320, 640, 960, 1280);
        assertThat(renditions(item, "original", "webp")).extracting(r -> r.get("height").asInt()).containsExactly(200, 400, 600, 800);
        // 16:9 of 1600 × 1000 is 1600 × 900; 1:1 is 1000 × 1000; 4:3 is 1333 × 1000
        assertThat(renditions(item, "16:9", "jpeg")).extracting(r -> r.get("height").asInt()).containsExactly(180, 360, 540, 720);
        assertThat(renditions(item, "1:1", "webp")).extracting(r -> r.get("width").asInt()).containsExactly(320, 640, 960);
        assertThat(renditions(item, "4:3", "jpeg")).extracting(r -> r.get("width").asInt()).containsExactly(320, 640, 960, 1280);
        for (JsonNode r : renditions(item, "1:1", "jpeg")) {
            BufferedImage image = Photos.decode(photos.get(r.get("url").asString()).body());
            assertThat(image.getWidth()).isEqualTo(r.get("width").asInt());
            assertThat(image.getHeight()).isEqualTo(r.get("height").asInt());
        }
    }

    @Test
    void renditionUrlsAreImmutableWithAnEtagAnd304() {
        JsonNode item = upload(Photos.jpeg(700, 400));
        String url = path(renditions(item, "original", "jpeg").get(0).get("url").asString());
        Answer first = photos.get(url);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(first.header("ETag")).isNotBlank();
        assertThat(first.header("Vary")).isNull();
        Answer again = photos.get(url, "If-None-Match", first.header("ETag"));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("Cache-Control")).contains("immutable");
    }

    @Test
    void aRenditionSentOnceIsAnsweredAgainFromMemoryAsTheLibraryAnsweredIt() {
        JsonNode item = upload(Photos.jpeg(700, 400));
        String url = path(renditions(item, "original", "webp").get(1).get("url").asString());
        String neutral = path(item.get("url").asString());
        Answer first = photos.get(url);
        Answer firstJpeg = photos.get(neutral, "Accept", "image/jpeg");
        double hits = memoryHits();

        Answer again = photos.get(url);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        for (String header : List.of("Content-Type", "Content-Length", "Cache-Control", "ETag", "X-Content-Type-Options")) {
            assertThat(again.header(header)).as(header).isEqualTo(first.header(header));
        }
        assertThat(again.header("Vary")).isNull();
        Answer notModified = photos.get(url, "If-None-Match", first.header("ETag"));
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("Cache-Control")).contains("immutable");

        // the format-neutral URL is still chosen by each reader's Accept: JPEG from memory, WebP made to order
        Answer jpeg = photos.get(neutral, "Accept", "image/jpeg");
        assertThat(jpeg.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(jpeg.header("Vary")).isEqualTo("Accept");
        assertThat(jpeg.body()).isEqualTo(firstJpeg.body());
        assertThat(memoryHits() - hits).as("answered from memory").isEqualTo(3);
        Answer webp = photos.get(neutral, "Accept", "image/webp,*/*");
        assertThat(webp.header("Content-Type")).isEqualTo("image/webp");
        assertThat(webp.header("Vary")).isEqualTo("Accept");
        Answer head = photos.head(url);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(first.header("Content-Length"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aLargeRenditionIsSentAgainStraightFromItsFileWhole() {
        JsonNode item = upload(Photos.grainyJpeg(1400, 900));
        String url = path(renditions(item, "original", "jpeg").get(3).get("url").asString());
        Answer first = photos.get(url);
        assertThat(first.body().length).as("large enough to be sent from its file").isGreaterThan(48 * 1024);
        double hits = memoryHits();
        for (int i = 0; i < 3; i++) {
            Answer again = photos.get(url);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Content-Length")).isEqualTo(String.valueOf(first.body().length));
            assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        }
        assertThat(photos.head(url).header("Content-Length")).isEqualTo(String.valueOf(first.body().length));
        assertThat(photos.get(url, "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        assertThat(memoryHits() - hits).isEqualTo(5);
    }

    private double memoryHits() {
        return meters.get("cache.gets").tag("cache", "media-renditions").tag("result", "hit").functionCounter().count();
    }

    @Test
    void aFormatNeutralUrlServesWebpToThoseWhoAcceptItAndVariesOnAccept() {
        JsonNode item = upload(Photos.jpeg(700, 400));
        String neutral = path(item.get("url").asString());
        assertThat(neutral).endsWith("/w640");
        Answer webp = photos.get(neutral, "Accept", "image/avif,image/webp,image/apng,image/*,*/*;q=0.8");
        assertThat(webp.status()).isEqualTo(200);
        assertThat(webp.header("Content-Type")).isEqualTo("image/webp");
        assertThat(webp.header("Vary")).contains("Accept");
        Answer jpeg = photos.get(neutral, "Accept", "image/jpeg,*/*");
        assertThat(jpeg.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(jpeg.header("Vary")).contains("Accept");
        assertThat(jpeg.header("ETag")).isNotEqualTo(webp.header("ETag"));
        assertThat(photos.get(neutral, "Accept", "image/webp", "If-None-Match", webp.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void noUrlMakesTheServiceComputeASizeOrCropThatIsNotConfigured() {
        JsonNode item = upload(Photos.jpeg(1600, 1000));
        String base = path(item.get("url").asString()).replaceAll("/w\\d+$", "/");
        String hash = base.substring("/media/".length(), base.length() - 1);
        for (String name : new String[] {"w500.jpg", "w1920.jpg", "w100000.webp", "w640.png", "7x5-f5000-5000-w640.jpg",
                "16x9-f5000-5000-w500.jpg", "16x9-f20000-5000-w640.jpg", "16x9-f1234-5000-w640.jpg", "../../etc/passwd", "w640.jpg.php"}) {
            // a path with ".." is refused before it reaches any controller (400); the rest find nothing (404)
            assertThat(photos.get(base + name).status()).as(name).isIn(400, 404);
        }
        assertThat(photos.get("/media/" + "0".repeat(64) + "/w640.jpg").status()).isEqualTo(404);
        assertThat(photos.get("/media/" + hash.substring(1) + "/w640.jpg").status()).isEqualTo(404);
        assertThat(photos.get(base + "w640.jpg").status()).isEqualTo(200);
    }

    @Test
    void twoRequestsForTheSameMissingCropMakeItOnce() throws Exception {
        JsonNode item = upload(Photos.jpeg(1600, 1000));
        List<JsonNode> crop = renditions(item, "16:9", "webp");
        String url = path(crop.get(1).get("url").asString());
        double before = made();
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return photos.get(url);
                }));
            }
            Answer a = answers.get(0).get();
            Answer b = answers.get(1).get();
            assertThat(a.status()).isEqualTo(200);
            assertThat(b.status()).isEqualTo(200);
            assertThat(a.body()).isEqualTo(b.body());
        } finally {
            pool.shutdownNow();
        }
        // the 16:9 set: four widths in two formats, made once
        assertThat(made() - before).isEqualTo(8);
        photos.get(path(renditions(item, "16:9", "jpeg").get(3).get("url").asString()));
        assertThat(made() - before).as("the rest of the set was made with it").isEqualTo(8);
    }

    private double made() {
        return meters.get("newsroom.media.renditions.made").counter().count();
    }

    @Test
    void cropsAreCentredOnTheFocalPointAndMovingItMakesNewUrls() {
        JsonNode item = upload(Photos.jpeg(1600, 900, Color.RED, Color.BLUE));
        String id = item.get("id").asString();
        String centred = renditions(item, "1:1", "jpeg").get(0).get("url").asString();

        JsonNode left = api.as(writerKey).patch("/api/admin/media/" + id, Map.of("focalPoint", Map.of("x", 0.1, "y", 0.5))).json();
        String leftUrl = renditions(left, "1:1", "jpeg").get(0).get("url").asString();
        assertThat(leftUrl).isNotEqualTo(centred);
        BufferedImage leftCrop = Photos.decode(photos.get(leftUrl).body());
        assertThat((leftCrop.getRGB(160, 160) >> 16) & 0xFF).as("the square cut at the left edge is red").isGreaterThan(200);

        JsonNode right = api.as(writerKey).patch("/api/admin/media/" + id, Map.of("focalPoint", Map.of("x", 0.95, "y", 0.2))).json();
        String rightUrl = renditions(right, "1:1", "jpeg").get(0).get("url").asString();
        BufferedImage rightCrop = Photos.decode(photos.get(rightUrl).body());
        assertThat(rightCrop.getRGB(160, 160) & 0xFF).as("the square cut at the right edge is blue").isGreaterThan(200);

        assertThat(photos.get(leftUrl).status()).as("a crop made before the point moved stays where it was").isEqualTo(200);
        assertThat(photos.get(centred).status()).as("one never made for an old point is not made now").isEqualTo(404);
        assertThat(right.get("focalPoint").get("x").asDouble()).isEqualTo(0.95);
    }
}
