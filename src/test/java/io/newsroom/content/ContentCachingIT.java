package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.demo.DemoContent;
import io.newsroom.support.Api;
import io.newsroom.support.ConditionalRequestMatrix;
import io.newsroom.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ContentCachingIT extends IntegrationTest {

    @Autowired
    DemoContent demo;

    @BeforeEach
    void seed() {
        demo.load();
    }

    static List<String> publicUris() {
        String main = ContentArticlesIT.path(ContentArticlesIT.MAIN_SLUG).substring("/api/content/articles/".length());
        return Stream.of("/api/content/articles", "/api/content/articles/{main}", "/api/content/articles/{main}?format=ninjs",
                "/api/content/search?q=%D8%A5%D9%8A%D8%B1%D8%A7%D9%86", "/api/content/tags", "/api/content/tags/%D8%A5%D9%8A%D8%B1%D8%A7%D9%86",
                "/api/content/sources", "/feeds/rss.xml", "/feeds/atom.xml", "/sitemap.xml", "/sitemap-news.xml")
                .map(template -> template.replace("{main}", main)).toList();
    }

    @ParameterizedTest
    @MethodSource("publicUris")
    void everyPublicResponseIsCacheableAndRevalidates(String uri) {
        Api.Result first = api.get(uri);
        assertThat(first.status()).as(uri).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).as("strong ETag").startsWith("\"").doesNotStartWith("W/");
        assertThat(first.header("Cache-Control")).contains("public", "max-age=60", "stale-while-revalidate=300");
        assertThat(first.header("Surrogate-Key")).isNotBlank();
        assertThat(api.get(uri, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(api.get(uri, "If-None-Match", "\"something-else\"").status()).isEqualTo(200);
    }

    /** Computed responses (this instance keeps no response cache); ResponseCacheIT asks the same of cached ones. */
    @ParameterizedTest
    @MethodSource("publicUris")
    void conditionalRequestsGetTheirAnswers(String uri) {
        ConditionalRequestMatrix.check(api, uri);
    }

    @ParameterizedTest
    @MethodSource("publicUris")
    void headCarriesTheETagOfGetAndRevalidates(String uri) {
        Api.Result head = api.send("HEAD", uri, null, null); // first: no response cache serves it
        Api.Result get = api.get(uri);
        assertThat(head.status()).as(uri).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("ETag")).isNotNull().isEqualTo(get.header("ETag"));
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(api.send("HEAD", uri, null, null, "If-None-Match", get.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void lastModifiedAnswersIfModifiedSince() {
        String uri = ContentArticlesIT.path(ContentArticlesIT.MAIN_SLUG);
        Api.Result first = api.get(uri);
        String lastModified = first.header("Last-Modified");
        assertThat(lastModified).isNotNull();
        assertThat(api.get(uri, "If-Modified-Since", lastModified).status()).isEqualTo(304);
        String longAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(api.get(uri, "If-Modified-Since", longAgo).status()).isEqualTo(200);
        assertThat(api.get(uri, "If-Modified-Since", "not a date").status()).isEqualTo(200);
    }

    @Test
    void anEditChangesTheETagAndTheSurrogateKeyNamesTheArticle() {
        String uri = ContentArticlesIT.path(ContentArticlesIT.MAIN_SLUG);
        Api.Result before = api.get(uri);
        String id = before.json().get("id").asString();
        assertThat(before.header("Surrogate-Key")).contains("article-" + id);
        Api editor = api.as(editorKey);
        String adminEtag = editor.get("/api/admin/articles/" + id).header("ETag");
        java.util.Map<String, Object> patch = java.util.Map.of("excerpt", "ملخص جديد");
        assertThat(editor.patch("/api/admin/articles/" + id, patch, "If-Match", adminEtag).status()).isEqualTo(200);
        Api.Result after = api.get(uri, "If-None-Match", before.header("ETag"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("excerpt").asString()).isEqualTo("ملخص جديد");
    }
}
