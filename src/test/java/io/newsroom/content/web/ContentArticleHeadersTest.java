package io.newsroom.content.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import io.newsroom.support.Api;
import io.newsroom.support.NinjsSchema;
import io.newsroom.support.WebSlice;
import java.time.Instant;
import java.util.List;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Header handling of an article by slug on the content API, in the web layer alone: which form the
 * Accept header gets, and where former and variant slugs send readers. The same end to end, from the
 * database: NinjsIT and ContentArticlesIT.
 */
@WebSlice
class ContentArticleHeadersTest {

    private static final String SLUG = "باكستان-وإيران-تبرمان-خطة-عمل-مشتركة";
    private static final String NINJS = "application/ninjs+json";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PublicArticles articles;

    @Autowired
    JsonMapper json;

    PublicArticle article;

    @BeforeEach
    void aPublishedArticle() {
        Instant published = Instant.parse("2026-12-01T10:00:00Z");
        article = new PublicArticle(UUID.randomUUID(), SLUG, "ar", "rtl", "باكستان وإيران تبرمان خطة عمل مشتركة", null,
                "<p>نص الخبر</p>", null, "مراسلنا", null, null, null,
                List.of(new PublicArticle.TagRef(UUID.randomUUID(), "إيران", "إيران")), List.of(), List.of(), List.of(), List.of(), true,
                published, published, published);
        when(articles.rendered(SLUG)).thenReturn(Optional.of(new PublicArticles.Rendered(article, 1, null)));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {NINJS, NINJS + ", application/json", "application/json;q=0.5, " + NINJS})
    void acceptNinjsGetsAValidNinjsDocument(String accept) {
        MvcTestResult result = get(Api.articlePath(SLUG), HttpHeaders.ACCEPT, accept);
        assertThat(result).hasStatus(200).hasContentTypeCompatibleWith(NINJS).hasHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        assertThat(NinjsSchema.validate(json.readTree(result.getResponse().getContentAsByteArray()))).isEmpty();
        assertThat(result).bodyJson().extractingPath("$.uri").isEqualTo("urn:uuid:" + article.id());
        assertThat(result).bodyJson().extractingPath("$.headlines[0].value").isEqualTo(article.headline());
    }

    @Test
    void theFormatParameterGetsNinjsWhateverTheAcceptHeader() {
        assertThat(get(Api.articlePath(SLUG) + "?format=ninjs", HttpHeaders.ACCEPT, "application/json"))
                .hasStatus(200).hasContentTypeCompatibleWith(NINJS).bodyJson().extractingPath("$.uri").isEqualTo("urn:uuid:" + article.id());
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"", "application/json", "*/*", "application/json, " + NINJS, "*/*, " + NINJS, NINJS + ";q=0, application/json"})
    void otherwiseTheArticleIsJsonWithItsStructuredData(String accept) {
        MvcTestResult result = accept.isEmpty() ? get(Api.articlePath(SLUG)) : get(Api.articlePath(SLUG), HttpHeaders.ACCEPT, accept);
        assertThat(result).hasStatus(200).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .hasHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        assertThat(result).bodyJson().extractingPath("$.slug").isEqualTo(SLUG);
        assertThat(result).bodyJson().extractingPath("$.structuredData['@type']").isEqualTo("NewsArticle");
        assertThat(result).bodyJson().doesNotHavePath("$.status").doesNotHavePath("$.version");
    }

    /**
     * RFC 9110 (12.5.1) lets a server disregard an Accept header it cannot honour rather than answer 406:
     * an article asked for as something else is the JSON article, as an absent header gets.
     */
    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html", "application/xml", "not a media type at all"})
    void aTypeThatIsNeitherJsonNorNinjsGetsTheJsonArticle(String accept) {
        assertThat(get(Api.articlePath(SLUG), HttpHeaders.ACCEPT, accept)).hasStatus(200)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON).bodyJson().extractingPath("$.slug").isEqualTo(SLUG);
    }

    @Test
    void aFormerSlugAnswers301WithTheCurrentOne() {
        when(articles.currentSlugFor("pakistan-iran-plan-old")).thenReturn(Optional.of(SLUG));
        assertThat(get("/api/content/articles/pakistan-iran-plan-old")).hasStatus(301).hasHeader(HttpHeaders.LOCATION, Api.articlePath(SLUG));
        assertThat(get("/api/content/articles/pakistan-iran-plan-old?format=ninjs"))
                .hasStatus(301).hasHeader(HttpHeaders.LOCATION, Api.articlePath(SLUG) + "?format=ninjs");
    }

    @Test
    void aVariantSpellingAnswers301WithTheCanonicalSlug() {
        String variant = "باكستان-وايران-تبرمان-خطه-عمل-مشتركه";
        when(articles.rendered(variant)).thenReturn(Optional.of(new PublicArticles.Rendered(article, 1, null)));
        assertThat(get(Api.articlePath(variant) + "?format=ninjs"))
                .hasStatus(301).hasHeader(HttpHeaders.LOCATION, Api.articlePath(SLUG) + "?format=ninjs");
    }

    @Test
    void aSlugThatNamesNothingIs404Problem() {
        assertThat(get(Api.articlePath("لا-يوجد"))).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The path as sent on the wire (slugs percent-encoded), as a reader's browser sends it. */
    private MvcTestResult get(String path, String... headers) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.get().uri(java.net.URI.create(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }
}
