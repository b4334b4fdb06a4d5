package io.newsroom.content.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AskedUrlsTest {

    @Test
    void aUrlIsRememberedFromItsFirstRequestUntilItsTimeToLive() {
        AskedUrls asked = new AskedUrls(1_024, 60_000);
        assertThat(asked.ask(42, 1_000)).as("first request").isFalse();
        assertThat(asked.ask(42, 2_000)).as("second request").isTrue();
        assertThat(asked.ask(43, 2_000)).as("another URL").isFalse();
        assertThat(asked.ask(42, 2_000 + 59_999)).as("within the time to live of the last request").isTrue();
        assertThat(asked.ask(42, 2_000 + 59_999 + 60_000)).as("past it").isFalse();
    }

    @Test
    void aUrlIsForgottenWhenAnotherTakesItsSlot() {
        AskedUrls asked = new AskedUrls(1_000, 60_000); // rounded up to 1,024 slots
        long url = 5;
        long sameSlot = url + 1_024; // the slot is the fingerprint's low bits (mixed with its high ones, here zero)
        asked.ask(url, 0);
        asked.ask(sameSlot, 1);
        assertThat(asked.ask(url, 2)).isFalse();
        assertThat(asked.ask(url + 1, 3)).as("its neighbour's slot is its own").isFalse();
        assertThat(asked.ask(url, 4)).as("asked again since").isTrue();
    }

    @Test
    void rememberingManyUrlsForgetsTheOldestMostly() {
        AskedUrls asked = new AskedUrls(65_536, 60_000);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        long[] urls = random.longs(200_000).toArray();
        for (long url : urls) {
            asked.ask(url, 0);
        }
        int recentRemembered = 0;
        int oldRemembered = 0;
        for (int i = 0; i < 1_000; i++) {
            recentRemembered += asked.ask(urls[urls.length - 1 - i], 1) ? 1 : 0;
            oldRemembered += asked.ask(urls[i], 1) ? 1 : 0;
        }
        // e^(-k/65,536): the last thousand asked are nearly all still there, the first of 200,000 nearly none
        assertThat(recentRemembered).isGreaterThan(950);
        assertThat(oldRemembered).isLessThan(100);
    }
}
