package io.newsroom.article;

import static io.newsroom.support.ArticleFixtures.ARABIC_FIGURE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an article body keeps and loses on the way in. That every way in cleans it: SafeContentIT. */
class BodySanitizerTest {

    @Test
    void anArabicParagraphWithFigureAndCaptionSurvivesUnchanged() {
        assertThat(BodySanitizer.clean(ARABIC_FIGURE)).isEqualTo(ARABIC_FIGURE);
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
        assertThat(BodySanitizer.clean(payload).toLowerCase())
                .doesNotContain("<script", "onerror", "onclick", "onload", "javascript:", "style", "evil.example", "data:", "<form", "<object");
    }

    @Test
    void anEmbedFromAnAllowedVideoHostIsKept() {
        String embed = "<iframe src=\"https://www.youtube.com/embed/abc123\" width=\"560\" height=\"315\" allowfullscreen></iframe>";
        assertThat(BodySanitizer.clean(embed)).contains("https://www.youtube.com/embed/abc123");
    }
}
