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
    void aUrlIsForgottenWhenTwoOthersOfItsSetCameAfterIt() {
        AskedUrls asked = new AskedUrls(1_000, 60_000); // rounded up to 1,024 slots: 512 sets of two
        long url = 4;
        long sameSet = url + 1_024; // the set is chosen by the fingerprint's low bits (mixed with its high ones, here zero)
        long sameSetToo = url + 2_048;
        asked.ask(url, 1_000);
        asked.ask(sameSet, 1_001);
        assertThat(asked.ask(url, 1_002)).as("one other in its set: still there").isTrue();
        asked.ask(sameSet, 1_003);
        asked.ask(sameSetToo, 1_004); // replaces the one asked for longer ago: url (at 1,002)
        assertThat(asked.ask(sameSet, 1_005)).isTrue();
        assertThat(asked.ask(url, 1_006)).as("two others came after it").isFalse();
        assertThat(asked.ask(url + 2, 1_007)).as("another set").isFalse();
        assertThat(asked.ask(url, 1_008)).as("asked again since").isTrue();
    }

    @Test
    void rememberingManyUrlsForgetsTheOldestMostly() {
        AskedUrls asked = new AskedUrls(65_536, 1_000_000);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        long[] urls = random.longs(200_000).toArray();
        long now = 1_000;
        for (long url : urls) {
            asked.ask(url, now++);
        }
        int recentRemembered = 0;
        int oldRemembered = 0;
        for (int i = 0; i < 1_000; i++) {
            recentRemembered += asked.ask(urls[urls.length - 1 - i], now) ? 1 : 0;
            oldRemembered += asked.ask(urls[i], now) ? 1 : 0;
        }
        // the last thousand asked are nearly all still there, the first of 200,000 nearly none
        assertThat(recentRemembered).isGreaterThan(950);
        assertThat(oldRemembered).isLessThan(100);
    }
}
