package io.newsroom.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.cdn.CdnStandIn.Reply;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each purger's requests as the CDN's API documents them, sent to a real HTTP server on 127.0.0.1
 * standing in for the API (its base URL is a setting), and what each makes of the answers.
 */
class PurgersTest {

    private final CdnStandIn cdn = new CdnStandIn();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void stop() {
        cdn.close();
    }

    private Purger purger(CdnProperties properties) {
        return Purgers.configured(properties, json).orElseThrow();
    }

    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "article-" + i).toList();
    }

    @Test
    void fastlyPurgesByKeyInBatchesOf256WithTheTokenAndSoftPurgeHeader() throws Exception {
        purger(CdnSettings.fastly(cdn.url(), true)).purge(keys(300));

        List<CdnStandIn.Request> calls = cdn.received();
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/service/SU1Z0isxPaozGVKXdv0eY/purge");
            assertThat(call.header("Fastly-Key")).isEqualTo("fastly-token");
            assertThat(call.header("Fastly-Soft-Purge")).isEqualTo("1");
        });
        assertThat(calls.get(0).keys("Surrogate-Key")).hasSize(256).startsWith("article-0");
        assertThat(calls.get(1).keys("Surrogate-Key")).hasSize(44).endsWith("article-299");
    }

    @Test
    void fastlyHardPurgeSendsNoSoftPurgeHeader() throws Exception {
        purger(CdnSettings.fastly(cdn.url(), false)).purge(List.of("articles", "article-1"));

        assertThat(cdn.received()).singleElement().satisfies(call -> {
            assertThat(call.header("Fastly-Soft-Purge")).isNull();
            assertThat(call.keys("Surrogate-Key")).containsExactly("articles", "article-1");
        });
    }

    @Test
    void cloudflarePurgesByTagsInAJsonBodyWithinItsPerCallLimit() throws Exception {
        purger(CdnSettings.cloudflare(cdn.url() + "/client/v4", 30)).purge(keys(70));

        List<CdnStandIn.Request> calls = cdn.received();
        assertThat(calls).hasSize(3);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache");
            assertThat(call.header("Authorization")).isEqualTo("Bearer cf-token");
            assertThat(call.header("Content-Type")).isEqualTo("application/json");
        });
        assertThat(json.readTree(calls.get(0).body()).path("tags")).hasSize(30);
        assertThat(json.readTree(calls.get(2).body()).path("tags")).hasSize(10);
        assertThat(json.readTree(calls.get(2).body()).path("tags").get(9).asString()).isEqualTo("article-69");
    }

    @Test
    void cloudflareSuccessFalseIsAFailureEvenWith200() {
        cdn.thenReply(Reply.json(200, "{\"success\": false, \"errors\": [{\"code\": 1134, \"message\": \"rate limited\"}]}"));

        assertThatThrownBy(() -> purger(CdnSettings.cloudflare(cdn.url(), 100)).purge(List.of("articles")))
                .isInstanceOf(Purger.PurgeFailed.class).hasMessageContaining("rate limited");
    }

    @Test
    void varnishIsToldByXkeyPurgeOnEveryServer() throws Exception {
        try (CdnStandIn second = new CdnStandIn()) {
            purger(CdnSettings.varnish(cdn.url() + "/", second.url() + "/")).purge(List.of("articles", "tag-7"));

            for (CdnStandIn server : List.of(cdn, second)) {
                assertThat(server.received()).singleElement().satisfies(call -> {
                    assertThat(call.method()).isEqualTo("PURGE");
                    assertThat(call.keys("xkey-purge")).containsExactly("articles", "tag-7");
                });
            }
        }
    }

    @Test
    void aVarnishThatIsDownFailsTheBatchAfterTheOthersWereTold() throws Exception {
        try (CdnStandIn second = new CdnStandIn()) {
            second.down();
            Purger purger = purger(CdnSettings.varnish(cdn.url() + "/", second.url() + "/"));

            assertThatThrownBy(() -> purger.purge(List.of("articles"))).isInstanceOf(Purger.PurgeFailed.class)
                    .hasMessageContaining("connection refused");
            assertThat(cdn.received()).hasSize(1);
        }
    }

    @Test
    void genericHttpSendsBanWithTheKeysInTheConfiguredHeader() throws Exception {
        purger(CdnSettings.http("BAN", cdn.url() + "/cache")).purge(List.of("author-3", "authors"));

        assertThat(cdn.received()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("BAN");
            assertThat(call.path()).isEqualTo("/cache");
            assertThat(call.keys("Surrogate-Key")).containsExactly("author-3", "authors");
        });
    }

    @Test
    void anErrorStatusIsAFailureSayingWhatTheCdnAnswered() {
        cdn.thenReply(Reply.json(403, "{\"msg\": \"Provided credentials are missing or invalid\"}"));

        assertThatThrownBy(() -> purger(CdnSettings.fastly(cdn.url(), false)).purge(List.of("articles")))
                .isInstanceOf(Purger.PurgeFailed.class).hasMessageContaining("403").hasMessageContaining("credentials");
    }

    @Test
    void aCdnThatNeverAnswersFailsWithinTheReadTimeout() {
        cdn.thenReply(Reply.held());
        long started = System.nanoTime();

        assertThatThrownBy(() -> purger(CdnSettings.fastly(cdn.url(), false)).purge(List.of("articles")))
                .isInstanceOf(Purger.PurgeFailed.class).hasMessageContaining("no answer within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aMissingSettingOfTheChosenPurgerIsRefusedAtStartup() {
        assertThatThrownBy(() -> new CdnProperties(CdnProperties.Kind.VARNISH, new CdnProperties.Fastly(null, null, "https://api.fastly.com", false),
                new CdnProperties.Cloudflare(null, null, "https://api.cloudflare.com/client/v4", 100), new CdnProperties.Varnish(List.of(), false),
                new CdnProperties.Http(List.of(), "PURGE", "Surrogate-Key"), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                10, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofDays(1)))
                .hasMessageContaining("NEWSROOM_CDN_VARNISH_URLS");
        assertThatThrownBy(() -> Purgers.configured(CdnSettings.fastly("ftp://api.example", false), json))
                .hasMessageContaining("must be an http or https URL");
    }
}
