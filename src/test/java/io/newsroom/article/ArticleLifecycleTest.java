package io.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleLifecycleTest {

    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

    private Article draft() {
        return new Article(new ArticleContent("عنوان", null, "<p>نص</p>", null, null, null, null, null, null), null, "عنوان", null, now);
    }

    @Test
    void newArticleIsAnArabicRightToLeftDraft() {
        Article article = draft();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.getLanguage()).isEqualTo("ar");
        assertThat(article.getDirection()).isEqualTo("rtl");
        assertThat(article.isVisibleToReaders(now)).isFalse();
    }

    @Test
    void republishingKeepsTheFirstPublicationTime() {
        Article article = draft();
        article.publish(now);
        article.unpublish(now.plusSeconds(60));
        article.publish(now.plusSeconds(120));
        assertThat(article.getPublishedAt()).isEqualTo(now);
        assertThat(article.getUpdatedAt()).isEqualTo(now.plusSeconds(120));
    }

    @Test
    void scheduledArticleIsPublishedForReadersOnceItsTimeHasCome() {
        Article article = draft();
        Instant at = now.plus(Duration.ofHours(1));
        article.schedule(at, now);
        assertThat(article.isVisibleToReaders(now)).isFalse();
        assertThat(article.effectiveStatus(at)).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.isVisibleToReaders(at)).isTrue();
    }

    @Test
    void disallowedTransitionSaysWhatIsAllowed() {
        Article article = draft();
        article.publish(now);
        assertThatThrownBy(() -> article.submit(now))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("PUBLISHED")
                .hasMessageContaining("UNPUBLISHED");
    }

    @Test
    void deletedArticleIsInvisibleAndRestorable() {
        Article article = draft();
        article.publish(now);
        article.delete(now);
        assertThat(article.isVisibleToReaders(now)).isFalse();
        article.restore(now);
        assertThat(article.isVisibleToReaders(now)).isTrue();
    }

    @Test
    void articleCannotBeItsOwnReadAlso() {
        Article article = draft();
        assertThatThrownBy(() -> article.relateTo(java.util.List.of(article), now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directionFollowsTheLanguageTag() {
        assertThat(TextDirection.of("ar-EG")).isEqualTo("rtl");
        assertThat(TextDirection.of("fa")).isEqualTo("rtl");
        assertThat(TextDirection.of("ur")).isEqualTo("rtl");
        assertThat(TextDirection.of("he")).isEqualTo("rtl");
        assertThat(TextDirection.of("en")).isEqualTo("ltr");
        assertThat(TextDirection.of("az-Arab")).isEqualTo("rtl");
        assertThat(TextDirection.of("ku-Latn")).isEqualTo("ltr");
        // Bare language subtags take a shortcut; it must agree with the parsed answer.
        assertThat(TextDirection.of("ar")).isEqualTo("rtl");
        assertThat(TextDirection.of("AR")).isEqualTo("rtl");
        assertThat(TextDirection.of("iw")).isEqualTo("rtl");
        assertThat(TextDirection.of("ckb")).isEqualTo("rtl");
        assertThat(TextDirection.of("fr")).isEqualTo("ltr");
        assertThat(TextDirection.of("")).isEqualTo("ltr");
        assertThat(TextDirection.of(null)).isEqualTo("ltr");
    }
}
