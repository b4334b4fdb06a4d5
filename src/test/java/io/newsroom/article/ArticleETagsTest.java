package io.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An article's ETag and the version an If-Match header names. How the API answers with them: AdminArticleHeadersTest. */
class ArticleETagsTest {

    @Test
    void anETagIsTheVersionQuotedAndReadsBack() {
        assertThat(ArticleETags.of(7)).isEqualTo("\"7\"");
        assertThat(ArticleETags.parse(ArticleETags.of(7))).hasValue(7);
        assertThat(ArticleETags.parse(" \"12\" ")).hasValue(12);
    }

    @ParameterizedTest(name = "If-Match: [{0}]")
    @ValueSource(strings = {"\"abc\"", "abc", "7", "\"\"", "\"", "W/\"x\"", "\"7", "\"99999999999999999999\""})
    void anythingElseNamesNoVersion(String ifMatch) {
        assertThat(ArticleETags.parse(ifMatch)).isEqualTo(OptionalLong.empty());
    }
}
