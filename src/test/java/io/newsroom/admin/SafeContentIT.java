package io.newsroom.admin;

import static io.newsroom.support.ArticleFixtures.ARABIC_FIGURE;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.text.SearchText;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Article bodies are cleaned on the way in. What the cleaner keeps and drops, markup by markup:
 * article/BodySanitizerTest.
 */
class SafeContentIT extends IntegrationTest {

    @Test
    void arabicParagraphWithFigureAndCaptionSurvivesUnchanged() {
        Map<String, Object> body = ArticleFixtures.article("خبر بصورة");
        body.put("bodyHtml", ARABIC_FIGURE);
        String stored = ArticleFixtures.create(api.as(editorKey), body).json().get("bodyHtml").asString();
        assertThat(stored).isEqualTo(ARABIC_FIGURE);
    }

    @Test
    void aBodyWithMoreWordsThanASearchVectorHoldsIsSavedAndSearchableByItsOpening() {
        // 120,000 distinct words in a body of the largest size allowed: more than a 1 MB tsvector holds
        String words = IntStream.range(0, 120_000).mapToObj(i -> "k" + i).collect(Collectors.joining(" "));
        Map<String, Object> body = ArticleFixtures.article("خبر طويل جدا");
        body.put("bodyHtml", "<p>" + words + "</p>");
        String id = ArticleFixtures.create(api.as(editorKey), body).json().get("id").asString();
        assertThat(jdbc.queryForObject("SELECT search_vector @@ CAST(? AS tsquery) FROM article_search WHERE article_id = ?::uuid", Boolean.class,
                SearchText.tsquery("k10"), id)).isTrue();
    }

    @Test
    void dangerousMarkupIsStripped() {
        String payload = "<p>نص</p><script>alert(1)</script>";
        Map<String, Object> body = ArticleFixtures.article("محاولة حقن");
        body.put("bodyHtml", payload);
        String stored = ArticleFixtures.create(api.as(editorKey), body).json().get("bodyHtml").asString().toLowerCase();
        assertThat(stored).contains("<p>نص</p>").doesNotContain("<script", "alert(1)");
    }
}
