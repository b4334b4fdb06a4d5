package io.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.FeedServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Fetching photos from URLs: the outbound guard, redirect and size caps, and the deadline, against a real server on 127.0.0.1. */
class MediaFetcherTest {

    private static MediaFetcher fetcher(boolean allowPrivate, DataSize maxBytes, Duration timeout) {
        MediaProperties properties = new MediaProperties("target/unused", 60_000_000, maxBytes, List.of(320), List.of(), List.of("jpeg"),
                1, Duration.ofSeconds(1), 80, 80, "cwebp", null, DataSize.ofMegabytes(32),
                new MediaProperties.Fetch(Duration.ofMillis(500), timeout, 2, allowPrivate),
                new MediaProperties.S3(null, null, "us-east-1", null, null));
        return new MediaFetcher(properties);
    }

    @Test
    void privateAndLoopbackTargetsAreRefusedUnlessAllowed() {
        try (FeedServer server = new FeedServer()) {
            server.serve("/p.jpg", exchange -> {
                exchange.sendResponseHeaders(200, 3);
                exchange.getResponseBody().write(new byte[] {1, 2, 3});
                exchange.close();
            });
            MediaFetcher.Fetched refused = fetcher(false, DataSize.ofMegabytes(1), Duration.ofSeconds(2)).fetch(server.url("/p.jpg"));
            assertThat(refused.file()).isNull();
            assertThat(refused.error()).contains("loopback");
            for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x.jpg", "ftp://example.com/x.jpg"}) {
                assertThat(fetcher(false, DataSize.ofMegabytes(1), Duration.ofSeconds(2)).fetch(url).error()).as(url).isNotNull();
            }
            MediaFetcher.Fetched allowed = fetcher(true, DataSize.ofMegabytes(1), Duration.ofSeconds(2)).fetch(server.url("/p.jpg"));
            assertThat(allowed.error()).isNull();
            MediaFetcher.deleteQuietly(allowed.file());
        }
    }

    @Test
    void aBodyOverTheLimitRedirectLoopsAndSlowServersFailWithAReason() {
        try (FeedServer server = new FeedServer()) {
            server.serve("/big.jpg", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (int i = 0; i < 64; i++) {
                        exchange.getResponseBody().write(chunk);
                    }
                } catch (java.io.IOException dropped) {
                    // the fetcher hung up, as it should
                }
                exchange.close();
            });
            server.serve("/loop", exchange -> {
                exchange.getResponseHeaders().add("Location", "/loop");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.serve("/slow.jpg", exchange -> {
                Thread.sleep(3000);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            assertThat(fetcher(true, DataSize.ofKilobytes(256), Duration.ofSeconds(2)).fetch(server.url("/big.jpg")).error())
                    .contains("larger than");
            assertThat(fetcher(true, DataSize.ofMegabytes(1), Duration.ofSeconds(2)).fetch(server.url("/loop")).error())
                    .contains("redirects");
            long start = System.nanoTime();
            assertThat(fetcher(true, DataSize.ofMegabytes(1), Duration.ofMillis(500)).fetch(server.url("/slow.jpg")).error())
                    .contains("Timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
