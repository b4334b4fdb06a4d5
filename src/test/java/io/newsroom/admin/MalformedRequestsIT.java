package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Bad input always gets a 4xx problem body, never a 500, a stack trace or a partial write. */
class MalformedRequestsIT extends IntegrationTest {

    private static final String A = "/api/admin/articles";
    private static final String X = "{ID}";
    private String articleId;
    private String etag;

    @BeforeEach
    void anArticle() {
        articleId = ArticleFixtures.createId(api.as(editorKey), "مقال للاختبار");
        etag = api.as(editorKey).get(A + "/" + articleId).header("ETag");
    }

    static Stream<Arguments> malformed() {
        String longHeadline = "ع".repeat(301);
        String hugeBody = "{\"headline\":\"x\",\"bodyHtml\":\"" + "a".repeat(1_000_001) + "\"}";
        return Stream.of(
                // broken JSON
                bad("POST", A, "{", "application/json"),
                bad("POST", A, "{\"headline\": }", "application/json"),
                bad("POST", A, "[1,2,3]", "application/json"),
                bad("POST", A, "\"just a string\"", "application/json"),
                bad("POST", A, "", "application/json"),
                bad("POST", A, "null", "application/json"),
                bad("POST", A, "{\"headline\":\"x\"", "application/json"),
                bad("POST", A, "{'headline':'x'}", "application/json"),
                // wrong types
                bad("POST", A, "{\"headline\": 42, \"tags\": \"إيران\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"tags\": [1, {\"a\":1}]}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"relatedIds\": [\"not-a-uuid\"]}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"sourceId\": \"123\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"image\": \"https://x.example/a.jpg\"}", "application/json"),
                bad("POST", A, "{\"headline\": [\"x\"]}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"relatedIds\": {}}", "application/json"),
                // validation
                bad("POST", A, "{}", "application/json"),
                bad("POST", A, "{\"headline\": \"\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"   \"}", "application/json"),
                bad("POST", A, "{\"headline\": \"" + longHeadline + "\"}", "application/json"),
                bad("POST", A, hugeBody, "application/json"),
                bad("POST", A, "{\"headline\":\"x\",\"bodyHtml\":\"" + "ب".repeat(3_000_000) + "\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"language\": \"not a language!\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"language\": \"123\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"sourceUrl\": \"javascript:alert(1)\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"sourceUrl\": \"ftp://files.example/x\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"sourceUrl\": \"not a url\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"image\": {\"caption\": \"بلا رابط\"}}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"image\": {\"url\": \"data:image/png;base64,AAAA\"}}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"tags\": [\"\"]}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"headLine\": \"typo\"}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"relatedIds\": [null]}", "application/json"),
                bad("POST", A, "{\"headline\": \"x\", \"sourceId\": \"00000000-0000-0000-0000-000000000000\"}", "application/json"),
                // wrong media type or method
                bad("POST", A, "headline=x", "application/x-www-form-urlencoded"),
                bad("POST", A, "<article/>", "application/xml"),
                bad("POST", A, "{\"headline\":\"x\"}", "text/plain"),
                bad("PATCH", A, "{}", "application/json"),
                bad("POST", A + "/" + X + "/publish-now", "{}", "application/json"),
                // bad ids and parameters
                bad("GET", A + "/not-a-uuid", null, null),
                bad("GET", A + "/12345", null, null),
                bad("POST", A + "/not-a-uuid/publish", null, null),
                bad("GET", A + "?status=LIVE", null, null),
                bad("GET", A + "?limit=0", null, null),
                bad("GET", A + "?limit=101", null, null),
                bad("GET", A + "?limit=abc", null, null),
                bad("GET", A + "?cursor=***", null, null),
                bad("GET", A + "?cursor=bm90LWEtY3Vyc29y", null, null),
                bad("GET", A + "/" + X + "/revisions/abc", null, null),
                bad("GET", "/api/admin/audit?articleId=nope", null, null),
                // lifecycle bodies
                bad("POST", A + "/" + X + "/schedule", "{\"at\": \"tomorrow\"}", "application/json"),
                bad("POST", A + "/" + X + "/schedule", "{\"at\": 12}", "application/json"),
                bad("POST", A + "/" + X + "/schedule", "{\"at\": \"2001-01-01T00:00:00Z\"}", "application/json"),
                bad("PUT", A + "/" + X + "/related", "{\"ids\": \"x\"}", "application/json"),
                bad("PUT", A + "/" + X + "/related", "{}", "application/json"),
                bad("PUT", A + "/" + X + "/related", "{\"ids\": [\"" + X + "\"]}", "application/json"),
                // other resources
                bad("POST", "/api/admin/tags", "{\"name\": \"\"}", "application/json"),
                bad("POST", "/api/admin/tags", "{\"name\": \"ـ\"}", "application/json"),
                bad("POST", "/api/admin/sources", "{\"name\": \"x\", \"url\": \"nope\"}", "application/json"),
                bad("POST", "/api/admin/sources", "{\"url\": \"https://x.example\"}", "application/json"),
                bad("POST", "/api/admin/api-keys", "{\"name\": \"x\"}", "application/json"),
                bad("DELETE", "/api/admin/api-keys/not-a-uuid", null, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void malformedRequestGetsA4xxProblemBody(String method, String path, String body, String contentType) {
        String resolvedPath = path.replace(X, articleId);
        String resolvedBody = body == null ? null : body.replace(X, articleId);
        Api.Result result = api.as(adminKey).send(method, resolvedPath, contentType, resolvedBody);
        assertThat(result.status()).as(result.toString()).isBetween(400, 499);
        assertThat(result.header("Content-Type")).as(result.toString()).startsWith("application/problem+json");
        JsonNode problem = result.json();
        assertThat(problem.get("status").asInt()).isEqualTo(result.status());
        assertThat(problem.hasNonNull("title")).isTrue();
        assertThat(problem.hasNonNull("detail")).isTrue();
        assertThat(result.body()).doesNotContain("Exception", "java.", "tools.jackson", "org.springframework", "SQL", "\tat ");
    }

    /**
     * URLs refused before any controller runs: by Tomcat (invalid percent-encoding, an encoded slash,
     * a NUL, a request line or header over its size limit) or by Spring Security's firewall (an encoded
     * percent sign, a ".." segment, a semicolon, a double slash). Before, the first got Tomcat's HTML
     * page and the second Spring Boot's own error JSON.
     */
    static Stream<Arguments> refusedUrls() {
        String longQuery = "/api/content/search?q=" + "%D8%A7".repeat(3000);
        return Stream.of(
                Arguments.of("/api/content/articles/%C0%AF", ""),
                Arguments.of("/api/content/articles/%FF%FE", ""),
                Arguments.of("/api/content/tags/%2F", ""),
                Arguments.of("/api/content/articles/%00", ""),
                Arguments.of("/api/content/articles/%25", ""),
                Arguments.of("/api/content/sources/..", ""),
                Arguments.of("/api/content/articles/a;b", ""),
                Arguments.of("//api/content/articles", ""),
                Arguments.of(A + "/../tags", ""),
                Arguments.of(A + "/%2F/publish", ""),
                Arguments.of(longQuery, ""),
                Arguments.of("/api/content/articles", "a".repeat(20_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUrls")
    void refusedUrlsGetAProblemBodyToo(String path, String bigHeader) {
        Api.Result result = bigHeader.isEmpty() ? api.as(adminKey).get(path) : api.as(adminKey).get(path, "X-Big", bigHeader);
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.header("Content-Type")).as(result.toString()).startsWith("application/problem+json");
        JsonNode problem = result.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.get("detail").asString()).contains("URL or headers");
        assertThat(result.body()).doesNotContain("<html", "Exception", "java.", "org.apache");
    }

    /**
     * A wildcard is what a client sends when it does not know what it sends: the body cannot be read
     * as any one type, so it gets the 415 every other unusable type gets (it was a 500).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wildcards")
    void aWildcardContentTypeIsA415Problem(String contentType, String path) {
        Api.Result result = api.as(adminKey).send("POST", path, contentType, "{\"headline\": \"خبر\", \"name\": \"مصدر\"}");
        assertThat(result.status()).as(result.toString()).isEqualTo(415);
        assertThat(result.header("Content-Type")).as(result.toString()).startsWith("application/problem+json");
        JsonNode problem = result.json();
        assertThat(problem.get("status").asInt()).isEqualTo(415);
        assertThat(problem.get("title").asString()).isEqualTo("Unsupported Media Type");
        assertThat(problem.get("detail").asString()).startsWith("Content-Type '" + contentType.replace(" ", "") + "' is not supported");
        assertThat(result.body()).doesNotContain("Exception", "java.", "org.springframework");
    }

    static Stream<Arguments> wildcards() {
        return Stream.of("*/*", "application/*", "*/*; charset=UTF-8").flatMap(type ->
                Stream.of(Arguments.of(type, A), Arguments.of(type, "/api/admin/sources")));
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        Api.Result result = api.get("/error");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/v3/api-docs").json().get("paths").has("/error")).isFalse();
    }

    @Test
    void thereAreAtLeastFiftyKinds() {
        assertThat(malformed().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void rejectedRequestsWroteNothing() {
        List<String> before = new ArrayList<>(jdbc.queryForList("SELECT id::text FROM articles", String.class));
        malformed().forEach(args -> {
            Object[] a = args.get();
            String body = a[2] == null ? null : ((String) a[2]).replace(X, articleId);
            api.as(adminKey).send((String) a[0], ((String) a[1]).replace(X, articleId), (String) a[3], body);
        });
        assertThat(jdbc.queryForList("SELECT id::text FROM articles", String.class)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(api.as(editorKey).get(A + "/" + articleId).header("ETag")).isEqualTo(etag);
    }

    private static Arguments bad(String method, String path, String body, String contentType) {
        return Arguments.of(method, path, body, contentType);
    }
}
