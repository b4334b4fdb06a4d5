package io.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import io.newsroom.support.Photos;
import io.newsroom.support.Photos.Answer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Uploads of real photos (tools/make-test-images.py): what is kept, what is refused and how, and that
 * what readers get is re-encoded: upright, sRGB, and free of the original's metadata.
 */
class MediaUploadIT extends IntegrationTest {

    private Photos photos;

    @BeforeEach
    void client() {
        photos = new Photos(port, json);
    }

    private JsonNode uploaded(String testFile) {
        Answer answer = photos.upload(writerKey, testFile);
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        return answer.json();
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    private byte[] rendition(JsonNode item, String crop, String format) {
        for (JsonNode r : item.get("renditions")) {
            if (r.get("crop").asString().equals(crop) && r.get("format").asString().equals(format)) {
                Answer file = photos.get(r.get("url").asString());
                assertThat(file.status()).as(file.toString()).isEqualTo(200);
                return file.body();
            }
        }
        throw new AssertionError("No " + crop + " " + format + " rendition in " + item);
    }

    @Test
    void anIphonePhotoIsUprightWithoutGpsOrSerialNumbersAndPrefilledFromItsIptc() {
        Answer answer = photos.upload(writerKey, "IMG_0001.HEIC.jpg", "application/octet-stream", Photos.file("iphone.jpg"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.header("Location")).startsWith("/api/admin/media/");
        JsonNode item = answer.json();
        // stored 400 × 300 with orientation 6: readers see it 300 wide, 400 high
        assertThat(item.get("width").asInt()).isEqualTo(300);
        assertThat(item.get("height").asInt()).isEqualTo(400);
        assertThat(item.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(item.get("bytes").asLong()).isEqualTo(Photos.file("iphone.jpg").length);
        assertThat(item.get("caption").asString()).isEqualTo("ضابط شرطة يحرس بوابة الدخول الرئيسية");
        assertThat(item.get("credit").asString()).isEqualTo("وكالة الأنباء");
        assertThat(item.get("copyright").asString()).isEqualTo("© وكالة الأنباء 2026");
        assertThat(item.get("focalPoint").get("x").asDouble()).isEqualTo(0.5);
        assertThat(item.get("createdAt").asString()).isNotBlank();
        assertThat(item.get("url").asString()).matches("http://localhost:8080/media/[0-9a-f]{64}/w300");

        for (String format : new String[] {"jpeg", "webp"}) {
            byte[] served = rendition(item, "original", format);
            BufferedImage image = Photos.decode(served);
            assertThat(image.getWidth()).isEqualTo(300);
            assertThat(image.getHeight()).isEqualTo(400);
            int top = image.getRGB(150, 40);
            int bottom = image.getRGB(150, 360);
            assertThat(red(top)).as("red on top once upright").isGreaterThan(150);
            assertThat(blue(top)).isLessThan(100);
            assertThat(blue(bottom)).as("blue at the bottom").isGreaterThan(150);
            for (String secret : new String[] {"Exif", "GPS", "F2LXK0ABCDEF", "LENS123", "iPhone", "Apple", "Reporter Private Name",
                    "Photoshop", "وكالة"}) {
                assertThat(Photos.contains(served, secret)).as(format + " rendition carries " + secret).isFalse();
            }
        }
    }

    @Test
    void aCmykAgencyJpegIsServedInSrgbWithItsXmpCreditPrefilled() {
        JsonNode item = uploaded("cmyk.jpg");
        assertThat(item.get("caption").asString()).isEqualTo("Agency photo in CMYK");
        assertThat(item.get("credit").asString()).isEqualTo("Agency Pictures");
        assertThat(item.get("copyright").asString()).isEqualTo("(c) Agency Pictures");
        BufferedImage image = Photos.decode(rendition(item, "original", "jpeg"));
        assertThat(image.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
        int pixel = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
        assertThat(red(pixel)).as("full magenta and yellow ink is red").isGreaterThan(180);
        assertThat(green(pixel)).isLessThan(110);
        assertThat(blue(pixel)).isLessThan(110);
    }

    @Test
    void aPngWithAlphaKeepsItsTransparencyInWebpAndGetsWhiteInJpeg() {
        JsonNode item = uploaded("alpha.png");
        assertThat(item.get("contentType").asString()).isEqualTo("image/png");
        BufferedImage jpeg = Photos.decode(rendition(item, "original", "jpeg"));
        int clear = jpeg.getRGB(jpeg.getWidth() * 3 / 4, jpeg.getHeight() / 2);
        assertThat(red(clear)).isGreaterThan(240);
        assertThat(green(clear)).isGreaterThan(240);
        assertThat(blue(clear)).isGreaterThan(240);
        BufferedImage webp = Photos.decode(rendition(item, "original", "webp"));
        assertThat(webp.getColorModel().hasAlpha()).isTrue();
        assertThat(webp.getRGB(webp.getWidth() * 3 / 4, webp.getHeight() / 2) >>> 24).as("transparent half").isLessThan(10);
        assertThat(webp.getRGB(webp.getWidth() / 4, webp.getHeight() / 2) >>> 24).as("opaque half").isGreaterThan(245);
    }

    @Test
    void webpAndAnimatedGifUploadsAreAcceptedAndServedAsStillRenditions() {
        JsonNode webp = uploaded("photo.webp");
        assertThat(webp.get("contentType").asString()).isEqualTo("image/webp");
        assertThat(webp.get("width").asInt()).isEqualTo(300);
        assertThat(Photos.decode(rendition(webp, "original", "jpeg")).getWidth()).isEqualTo(300);
        JsonNode gif = uploaded("animated.gif");
        assertThat(gif.get("contentType").asString()).isEqualTo("image/gif");
        BufferedImage first = Photos.decode(rendition(gif, "original", "jpeg"));
        assertThat(first.getWidth()).isEqualTo(120);
        assertThat(red(first.getRGB(60, 40))).as("the first frame, red").isGreaterThan(200);
    }

    @Test
    void typesOtherThanJpegPngWebpAndGifAreRefusedWith415WhateverTheyAreCalled() {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        Answer[] answers = {
                photos.upload(writerKey, "photo.svg", "image/svg+xml", Photos.file("script.svg")),
                photos.upload(writerKey, "photo.jpg", "image/jpeg", Photos.file("script.svg")),
                photos.upload(writerKey, "photo.jpg", "image/jpeg", Photos.file("polyglot.html.jpg")),
                photos.upload(writerKey, "report.jpg", "image/jpeg", pdf),
                photos.upload(writerKey, "page.png", "image/png", html),
        };
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("title").asString()).isEqualTo("Unsupported image type");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media", Integer.class)).isZero();
    }

    @Test
    void aDecompressionBombIsRefusedFastUndecodedAndTheServiceStaysHealthy() {
        long start = System.nanoTime();
        Answer answer = photos.upload(writerKey, "bomb.png", "image/png", Photos.file("bomb.png"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("detail").asString()).contains("100000 × 100000");
        assertThat(millis).as("refused from the header, not by decoding 10 gigapixels").isLessThan(3000);
        assertThat(photos.get("/actuator/health").status()).isEqualTo(200);
        assertThat(uploaded("alpha.png").get("width").asInt()).isEqualTo(200);
    }

    @Test
    void truncatedAndCorruptFilesAre422NeverA500() {
        byte[] png = Photos.file("alpha.png");
        byte[] corruptPng = java.util.Arrays.copyOf(png, png.length);
        for (int i = 60; i < corruptPng.length - 12; i++) {
            corruptPng[i] = (byte) (corruptPng[i] ^ 0x5A);
        }
        byte[] headerOnly = java.util.Arrays.copyOf(Photos.file("iphone.jpg"), 20);
        Answer[] answers = {
                photos.upload(writerKey, "cut.jpg", "image/jpeg", Photos.file("truncated.jpg")),
                photos.upload(writerKey, "bad.png", "image/png", corruptPng),
                photos.upload(writerKey, "head.jpg", "image/jpeg", headerOnly),
                photos.upload(writerKey, "gif.gif", "image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII)),
        };
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        Answer empty = photos.upload(writerKey, "empty.jpg", "image/jpeg", new byte[0]);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
    }

    @Test
    void aPolyglotJpegIsKeptButReadersGetItReencodedWithoutItsScript() {
        JsonNode item = uploaded("polyglot.jpg");
        for (String format : new String[] {"jpeg", "webp"}) {
            byte[] served = rendition(item, "original", format);
            assertThat(Photos.contains(served, "<script")).isFalse();
            assertThat(Photos.contains(served, "<html")).isFalse();
        }
        Answer original = photos.get("/api/admin/media/" + item.get("id").asString() + "/original", "Authorization", "Bearer " + editorKey);
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(Photos.file("polyglot.jpg"));
        assertThat(original.header("Content-Disposition")).startsWith("attachment");
        assertThat(original.header("Content-Security-Policy")).contains("sandbox");
        assertThat(original.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(photos.get("/api/admin/media/" + item.get("id").asString() + "/original").status()).as("no key").isEqualTo(401);
    }

    @Test
    void theSameBytesUploadedTwiceAreOneLibraryItem() {
        byte[] jpeg = Photos.jpeg(500, 300);
        Answer first = photos.upload(writerKey, "a.jpg", "image/jpeg", jpeg);
        Answer second = photos.upload(editorKey, "b.jpg", "image/jpeg", jpeg, "caption", "another caption");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media", Integer.class)).isEqualTo(1);
    }

    @Test
    void editorsWordsWinOverTheFilesMetadata() {
        Answer answer = photos.upload(writerKey, "iphone.jpg", "image/jpeg", Photos.file("iphone.jpg"),
                "caption", "تعليق المحرر", "credit", "تصوير: المحرر", "alt", "رجل أمن أمام بوابة");
        JsonNode item = answer.json();
        assertThat(item.get("caption").asString()).isEqualTo("تعليق المحرر");
        assertThat(item.get("credit").asString()).isEqualTo("تصوير: المحرر");
        assertThat(item.get("alt").asString()).isEqualTo("رجل أمن أمام بوابة");
        assertThat(item.get("copyright").asString()).isEqualTo("© وكالة الأنباء 2026");
    }

    @Test
    void writersUploadButIntegrationKeysAndAnonymousCallersDoNot() {
        assertThat(photos.upload(integrationKey, "iphone.jpg").status()).isEqualTo(403);
        assertThat(photos.upload(null, "iphone.jpg").status()).isEqualTo(401);
        assertThat(photos.upload(writerKey, "iphone.jpg").status()).isEqualTo(201);
    }
}
