package io.newsroom.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Malformed query strings, repeated parameters and declared charsets, answered alike on every endpoint. */
class RequestGuardsIT extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest(name = "{0}?{1}=<invalid UTF-8>")
    @CsvSource({
            "/api/content/search, q",
            "/api/content/articles, tag",
            "/api/content/articles, source",
            "/api/content/articles, cursor",
            "/api/content/tags, limit",
            "/feeds/rss.xml, x",
            "/sitemap.xml, x",
            "/api/admin/articles, q",
            "/api/admin/articles, tag",
            "/api/admin/audit, actor",
            "/api/admin/tags, cursor",
    })
    void invalidPercentEncodedUtf8IsA400NamingTheParameter(String path, String parameter) throws Exception {
        for (String bad : List.of("%C3%28", "%FF", "%E2%82", "%ED%A0%80", "%G1", "abc%", "%4")) {
            String[] result = rawGet(path + "?" + parameter + "=" + bad);
            assertThat(result[0]).as(path + " " + bad + " " + result[1]).isEqualTo("400");
            assertThat(result[1]).contains("Content-Type: application/problem+json");
            JsonNode problem = json.readTree(result[1].substring(result[1].indexOf("\r\n\r\n") + 4));
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
        }
    }

    @Test
    void aParameterNameThatIsNotUtf8IsRefusedToo() {
        Api.Result result = api.get("/api/content/articles?%FF=1");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("errors").get(0).get("message").asString()).contains("not valid percent-encoded UTF-8");
    }

    @Test
    void validlyEncodedArabicParametersStillWork() {
        ArticleFixtures.publishedId(api.as(editorKey), "خبر عن إيران", "إيران");
        assertThat(api.get("/api/content/search?q=%D8%A5%D9%8A%D8%B1%D8%A7%D9%86").json().get("items")).hasSize(1);
        assertThat(api.get("/api/content/search?q=+%D8%A5%D9%8A%D8%B1%D8%A7%D9%86+").json().get("items")).hasSize(1);
        assertThat(api.get("/api/content/articles?tag=" + "%D8%A5%D9%8A%D8%B1%D8%A7%D9%86").json().get("items")).hasSize(1);
    }

    @Test
    void controlCharactersInParametersAreCleaned() {
        ArticleFixtures.publishedId(api.as(editorKey), "خبر عن إيران", "إيران");
        Api.Result result = api.get("/api/content/search?q=%D8%A5%D9%8A%D8%B1%D8%A7%D9%86%00%01%0A");
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().get("items")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/admin/articles?status=DRAFT&status=BOGUS, status",
            "/api/admin/articles?status=BOGUS&status=DRAFT, status",
            "/api/admin/articles?limit=5&limit=500, limit",
            "/api/content/articles?tag=a&tag=b, tag",
            "/api/content/search?q=a&q=b, q",
            "/api/content/tags?limit=1&limit=2, limit",
    })
    void aRepeatedSingleValuedParameterIsA400NamingIt(String path, String parameter) {
        Api.Result result = api.as(editorKey).get(path);
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        JsonNode error = result.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(parameter);
        assertThat(error.get("message").asString()).contains("given 2 times");
    }

    @ParameterizedTest(name = "{0} {1}; charset={2}")
    @CsvSource({
            "POST, /api/admin/articles, application/json, foo",
            "POST, /api/admin/articles, application/json, UTF-7",
            "POST, /api/admin/articles, application/json, x-user-defined",
            "POST, /api/admin/ingest/ninjs, application/json, no-such-charset",
            "POST, /api/admin/ingest/bulk, application/x-ndjson, no-such-charset",
            "POST, /api/admin/tags, application/json, utf-9",
            "POST, /api/admin/sources, application/json, '\"bogus\"'",
            "PUT, /api/admin/articles/00000000-0000-0000-0000-000000000000, application/json, bogus",
            "PATCH, /api/admin/articles/00000000-0000-0000-0000-000000000000, application/merge-patch+json, bogus",
            "POST, /api/admin/webhooks, application/json, bogus",
            "POST, /api/admin/api-keys, application/json, bogus",
    })
    void anUnknownCharsetIsA415OnEveryEndpointThatTakesABody(String method, String path, String type, String charset) throws Exception {
        HttpResponse<String> response = send(method, path, type + "; charset=" + charset, "{\"headline\":\"x\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("charset");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Integer.class)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"windows-1256", "UTF-16", "UTF-16LE", "ISO-8859-6", "UTF-32"})
    void aRealCharsetIsDecodedAsDeclared(String charset) throws Exception {
        String headline = "خبر عاجل من طهران";
        byte[] body = ("{\"headline\": \"" + headline + "\", \"tags\": [\"إيران\"]}").getBytes(Charset.forName(charset));
        HttpResponse<String> created = send("POST", "/api/admin/articles", "application/json; charset=" + charset, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode article = json.readTree(created.body());
        assertThat(article.get("headline").asString()).isEqualTo(headline);
        assertThat(article.get("tags").get(0).get("name").asString()).isEqualTo("إيران");
    }

    @Test
    void aBulkImportInUtf16IsDecodedLineByLine() throws Exception {
        String lines = "{\"headline\": \"سطر أول\"}\n{\"headline\": \"سطر ثان\"}\n";
        HttpResponse<String> result = send("POST", "/api/admin/ingest/bulk", "application/x-ndjson; charset=UTF-16", lines.getBytes(StandardCharsets.UTF_16));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(json.readTree(result.body()).get("created").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT headline FROM articles ORDER BY headline", String.class)).containsExactly("سطر أول", "سطر ثان");
    }

    @Test
    void bytesThatAreNotValidInTheDeclaredCharsetAreA400() throws Exception {
        byte[] body = {'{', '"', 'h', 'e', 'a', 'd', 'l', 'i', 'n', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpResponse<String> result = send("POST", "/api/admin/articles", "application/json; charset=UTF-8", body);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(400);
        HttpResponse<String> declared = send("POST", "/api/admin/articles", "application/json; charset=US-ASCII", "{\"headline\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Integer.class)).isZero();
    }

    /**
     * A GET written on a socket as it is, since the JDK's client refuses to send a malformed escape
     * ({@code %G1}) that a browser or a bot does send. Returns the status code and the whole response.
     */
    private String[] rawGet(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + editorKey
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new String[] {response.substring(9, 12), response};
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", contentType).header("If-Match", "\"0\"")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
