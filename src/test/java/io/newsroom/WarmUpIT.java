package io.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An instance warms its hot paths up with readers' requests to itself before it reports ready. */
class WarmUpIT extends IntegrationTest {

    @Test
    void readinessWaitsForTheWarmUpLivenessDoesNot() throws Exception {
        ArticleFixtures.publishedId(api.as(editorKey), "خبر للتسخين", "تسخين");
        long started = System.nanoTime();
        try (SecondInstance instance = SecondInstance.start("--newsroom.warm-up.duration=3s", "--newsroom.warm-up.threads=2")) {
            Api fresh = new Api(instance.port(), json);
            assertThat(fresh.get("/actuator/health/readiness").status()).as("warming up").isEqualTo(503);
            assertThat(fresh.get("/actuator/health/liveness").status()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (fresh.get("/actuator/health/readiness").status() != 200) {
                assertThat(System.nanoTime()).as("ready after the warm-up").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            // it sent itself requests: the content API's request counter moved
            String metrics = new Api(instance.managementPort(), json).get("/actuator/prometheus").body();
            assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/content/articles/\\{slug}\"[^}]*} [1-9]");
        }
    }
}
