package io.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.support.Photos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Decoding is bounded: a number of decodes at a time, and large images read subsampled. */
class ImageDecoderTest {

    @TempDir
    Path files;

    private static ImageDecoder decoder(int atOnce, Duration wait) {
        return new ImageDecoder(new MediaProperties("target/unused", 60_000_000, DataSize.ofMegabytes(40), List.of(320, 640),
                List.of("1:1"), List.of("jpeg"), atOnce, wait, 80, 80, "cwebp", null, DataSize.ofMegabytes(32),
                new MediaProperties.Fetch(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, false),
                new MediaProperties.S3(null, null, "us-east-1", null, null)));
    }

    @Test
    void aDecodeBeyondTheLimitWaitsItsTurnAndThenIsTooBusy() throws Exception {
        ImageDecoder decoder = decoder(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> decoder.withSlot(() -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        first.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> decoder.withSlot(() -> "second")).isInstanceOf(MediaProblem.class)
                .extracting(problem -> ((MediaProblem) problem).status().value()).isEqualTo(503);
        release.countDown();
        first.join();
        assertThat(decoder.withSlot(() -> "after")).isEqualTo("after");
    }

    @Test
    void aLargeImageIsDecodedSubsampledAndUpright() throws Exception {
        Path jpeg = files.resolve("large.jpg");
        Files.write(jpeg, Photos.jpeg(2400, 1600));
        ImageHeader header = ImageHeader.read(jpeg, ImageType.JPEG);
        assertThat(header.storedWidth()).isEqualTo(2400);
        ImageDecoder.Decoded decoded = decoder(1, Duration.ofSeconds(1)).decode(jpeg, header, 6, 2);
        assertThat(decoded.image().getWidth()).isEqualTo(800);
        assertThat(decoded.image().getHeight()).isEqualTo(1200);
        assertThat(decoded.scale()).isEqualTo(0.5);
    }

    @Test
    void theBombIsMeasuredFromItsHeaderAlone() throws Exception {
        Path bomb = files.resolve("bomb.png");
        Files.write(bomb, Photos.file("bomb.png"));
        long start = System.nanoTime();
        ImageHeader header = ImageHeader.read(bomb, ImageType.PNG);
        assertThat(header.pixels()).isEqualTo(10_000_000_000L);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
