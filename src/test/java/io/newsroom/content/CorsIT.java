package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frontends on other origins read the public API, feeds and sitemaps; the admin API answers no cross-origin request. */
class CorsIT extends IntegrationTest {

    private static final String ORIGIN = "https://frontend.example";

    @Test
    void publicPathsAnswerAnyOriginByDefault() {
        ArticleFixtures.publishedId(api.as(editorKey), "خبر لموقع آخر", "إيران");
        for (String path : List.of("/api/content/articles", "/api/content/tags", "/feeds/rss.xml", "/sitemap.xml", "/sitemap-news.xml")) {
            Api.Result result = api.get(path, "Origin", ORIGIN);
            assertThat(result.status()).as(path).isEqualTo(200);
            assertThat(result.header("Access-Control-Allow-Origin")).as(path).isIn("*", ORIGIN);
            assertThat(result.header("Access-Control-Expose-Headers")).as(path).contains("ETag", "Last-Modified");
            assertThat(result.header("Access-Control-Allow-Credentials")).isNull();
        }
        Api.Result preflight = api.send("OPTIONS", "/api/content/articles", null, null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "If-None-Match");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET").doesNotContain("POST");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(api.send("OPTIONS", "/api/content/articles", null, null, "Origin", ORIGIN, "Access-Control-Request-Method", "DELETE")
                .status()).as("only reading is allowed").isEqualTo(403);
    }

    @Test
    void theAdminApiNeverAnswersCrossOrigin() {
        Api.Result get = api.as(editorKey).get("/api/admin/articles", "Origin", ORIGIN);
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
        Api.Result preflight = api.send("OPTIONS", "/api/admin/articles", null, null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "Authorization");
        // without Access-Control-Allow-Origin (and -Methods) a browser refuses the request the preflight asked about
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void configuredOriginsOnlyAndACachedResponseGetsTheHeadersOfTheOriginAskingNow() {
        ArticleFixtures.publishedId(api.as(editorKey), "خبر مخزن", "إيران");
        try (SecondInstance instance = SecondInstance.start("--newsroom.cors.allowed-origins=https://a.example,https://b.example",
                "--newsroom.cache.response-cache=true")) {
            Api other = new Api(instance.port(), json);
            for (int i = 0; i < 3; i++) { // the second answer is stored, the third comes from memory
                assertThat(other.get("/api/content/articles", "Origin", "https://a.example").header("Access-Control-Allow-Origin"))
                        .isEqualTo("https://a.example");
            }
            Api.Result fromB = other.get("/api/content/articles", "Origin", "https://b.example");
            assertThat(fromB.status()).isEqualTo(200);
            assertThat(fromB.header("Access-Control-Allow-Origin")).isEqualTo("https://b.example");
            assertThat(fromB.response().headers().allValues("Access-Control-Allow-Origin")).hasSize(1);
            assertThat(other.get("/api/content/articles", "Origin", "https://evil.example").status()).isEqualTo(403);
            assertThat(other.get("/api/content/articles").status()).as("no Origin: not a cross-origin request").isEqualTo(200);
        }
    }
}
