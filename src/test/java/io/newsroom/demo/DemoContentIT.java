package io.newsroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.article.Article;
import io.newsroom.article.ArticleRepository;
import io.newsroom.article.ArticleStatus;
import io.newsroom.support.IntegrationTest;
import io.newsroom.tag.Tag;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class DemoContentIT extends IntegrationTest {

    @Autowired
    DemoContent demoContent;

    @Autowired
    ArticleRepository articles;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void loadingTwiceCreatesNothingTwice() {
        assertThat(demoContent.load()).isTrue();
        int[] before = counts();
        assertThat(demoContent.load()).isFalse();
        assertThat(counts()).containsExactly(before);
        assertThat(before).containsExactly(6, 13, 23);
    }

    @Test
    void mainArticleHasTheSeedPagesStructure() {
        demoContent.load();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM related_articles", Integer.class)).isEqualTo(1);
        transaction.executeWithoutResult(status -> {
            Article main = articles.findByExternalId(DemoContent.EXTERNAL_ID_PREFIX + "main").orElseThrow();
            assertThat(main.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(main.isVisibleToReaders(Instant.now())).isTrue();
            assertThat(main.getSource().getName()).isEqualTo("بوابة الوفد");
            assertThat(main.getTags()).extracting(Tag::getName)
                    .containsExactly("مكافحة الإرهاب", "إيران", "باكستان", "خطة عمل مشتركة");
            assertThat(main.getBodyHtml())
                    .contains("<h2>خطة عمل مشتركة للتعامل مع خطر الإرهاب</h2>")
                    .contains("<blockquote>")
                    .contains("<figcaption>ضابط شرطة يحرس بوابة الدخول الرئيسية");
            assertThat(main.getImage().caption()).startsWith("ضابط شرطة يحرس بوابة الدخول الرئيسية");
            assertThat(main.getRelated()).singleElement().satisfies(readAlso -> {
                assertThat(readAlso.getHeadline()).startsWith("الخارجية الروسية");
                assertThat(readAlso.getSource().getName()).isEqualTo("نوفوستي");
            });
            assertThat(main.getBodyHtml()).contains("href=\"/api/content/articles/إقرار-مشروع-قانون-رواندا");
        });
    }

    @Test
    void variantTagSpellingsInTheSeedBecomeOneTag() {
        demoContent.load();
        Integer antiTerrorTags = jdbc.queryForObject("SELECT count(*) FROM tags WHERE normalized_key = 'مكافحه الارهاب'", Integer.class);
        Integer taggedArticles = jdbc.queryForObject("""
                SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.normalized_key = 'مكافحه الارهاب'
                """, Integer.class);
        assertThat(antiTerrorTags).isEqualTo(1);
        assertThat(taggedArticles).isEqualTo(5);
    }

    private int[] counts() {
        return new int[] {
                jdbc.queryForObject("SELECT count(*) FROM sources", Integer.class),
                jdbc.queryForObject("SELECT count(*) FROM articles", Integer.class),
                jdbc.queryForObject("SELECT count(*) FROM tags", Integer.class)};
    }
}
