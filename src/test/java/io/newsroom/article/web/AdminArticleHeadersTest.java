package io.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.newsroom.actor.Actor;
import io.newsroom.actor.Role;
import io.newsroom.article.ArticleService;
import io.newsroom.security.ApiKeyService;
import io.newsroom.support.WebSlice;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Header handling of the admin article endpoints (If-Match, JSON merge patch), in the web layer alone.
 * The same rules end to end, with the row lock and races: NoLostUpdatesIT and RacesIT.
 */
@WebSlice
class AdminArticleHeadersTest {

    private static final String EDITOR_KEY = "editor-key-for-the-web-slice";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    ApiKeyService keys;

    OneArticle article;

    @BeforeEach
    void anEditorAndADraft() {
        when(keys.authenticate(EDITOR_KEY)).thenReturn(Optional.of(new Actor(UUID.randomUUID(), "editor", Role.EDITOR)));
        article = OneArticle.behind(articles, "العنوان الأصلي", "إيران");
    }

    @Test
    void anEditWithoutIfMatchIs428() {
        assertThat(put(body("تعديل"))).hasStatus(428).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("Precondition required");
        assertThat(patch(MERGE_PATCH, "{\"headline\": \"x\"}")).hasStatus(428);
        assertThat(put(body("x"), HttpHeaders.IF_MATCH, "*")).hasStatus(428);
    }

    @Test
    void aStaleIfMatchIs412WithTheCurrentVersionAndETag() {
        String stale = article.etag();
        MvcTestResult first = put(body("التعديل الأول"), HttpHeaders.IF_MATCH, stale);
        assertThat(first).hasStatus(200).hasHeader(HttpHeaders.ETAG, "\"2\"").bodyJson().extractingPath("$.version").isEqualTo(2);

        MvcTestResult second = put(body("التعديل الثاني"), HttpHeaders.IF_MATCH, stale);
        assertThat(second).hasStatus(412).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second).bodyJson().extractingPath("$.currentVersion").isEqualTo(2);
        assertThat(second).bodyJson().extractingPath("$.currentEtag").isEqualTo("\"2\"");
        assertThat(mvc.get().uri("/api/admin/articles/{id}", article.id).header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY))
                .hasStatus(200).hasHeader(HttpHeaders.ETAG, "\"2\"").bodyJson().extractingPath("$.headline").isEqualTo("التعديل الأول");
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"\"abc\"", "abc", "1", "\"\"", "W/\"x\""})
    void anIfMatchThatNamesNoVersionIs412WithTheCurrentOne(String ifMatch) {
        MvcTestResult result = put(body("x"), HttpHeaders.IF_MATCH, ifMatch);
        assertThat(result).hasStatus(412).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.currentEtag").isEqualTo("\"1\"");
    }

    @Test
    void aLifecycleCallRefusesAStaleIfMatchAndGoesWithoutOne() {
        assertThat(post("/publish", HttpHeaders.IF_MATCH, "\"7\"")).hasStatus(412).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
        assertThat(post("/publish")).hasStatus(200).hasHeader(HttpHeaders.ETAG, "\"2\"");
    }

    @Test
    void aMergePatchRemovesWhatIsNullAndKeepsWhatIsLeftOut() {
        MvcTestResult patched = patch(MERGE_PATCH, "{\"headline\": \"عنوان جديد\", \"byline\": null}", HttpHeaders.IF_MATCH, article.etag());
        assertThat(patched).hasStatus(200).hasHeader(HttpHeaders.ETAG, "\"2\"");
        assertThat(patched).bodyJson().extractingPath("$.headline").isEqualTo("عنوان جديد");
        assertThat(patched).bodyJson().extractingPath("$.byline").isNull();
        assertThat(patched).bodyJson().extractingPath("$.tags[*].name").asArray().containsExactly("إيران");
        assertThat(patched).bodyJson().extractingPath("$.bodyHtml").isEqualTo("<p>العنوان الأصلي</p>");
    }

    @Test
    void aMergePatchIsValidatedLikeAPut() {
        MvcTestResult noHeadline = patch(MERGE_PATCH, "{\"headline\": null}", HttpHeaders.IF_MATCH, article.etag());
        assertThat(noHeadline).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("headline");
        assertThat(patch(MERGE_PATCH, "{\"nope\": 1}", HttpHeaders.IF_MATCH, article.etag())).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(patch(MERGE_PATCH, "[\"headline\"]", HttpHeaders.IF_MATCH, article.etag())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("a merge patch must be a JSON object");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"text/plain", "application/xml", "application/json-patch+json"})
    void aPatchInAnotherMediaTypeIs415(String contentType) {
        assertThat(patch(contentType, "{\"headline\": \"x\"}", HttpHeaders.IF_MATCH, article.etag())).hasStatus(415)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anArticleAskedForInATypeTheApiDoesNotWriteIs406() {
        assertThat(mvc.get().uri("/api/admin/articles/{id}", article.id).header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
                .header(HttpHeaders.ACCEPT, "text/html")).hasStatus(406).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theSliceRunsTheServicesSecurity() {
        assertThat(mvc.put().uri("/api/admin/articles/{id}", article.id).contentType(MediaType.APPLICATION_JSON).content(body("x"))
                .header(HttpHeaders.IF_MATCH, article.etag()))
                .hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsroom\"");
    }

    private MvcTestResult put(String body, String... headers) {
        return send(mvc.put().uri("/api/admin/articles/{id}", article.id).contentType(MediaType.APPLICATION_JSON).content(body), headers);
    }

    private MvcTestResult patch(String contentType, String body, String... headers) {
        return send(mvc.patch().uri("/api/admin/articles/{id}", article.id).contentType(contentType).content(body), headers);
    }

    private MvcTestResult post(String action, String... headers) {
        return send(mvc.post().uri("/api/admin/articles/{id}" + action, article.id), headers);
    }

    private MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, String... headers) {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    private static String body(String headline) {
        return "{\"headline\": \"" + headline + "\", \"bodyHtml\": \"<p>" + headline + "</p>\", \"tags\": []}";
    }
}
