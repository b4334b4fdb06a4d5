package io.newsroom.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The database itself refuses what the model forbids, whatever code writes to it. */
class ContentConstraintsIT extends IntegrationTest {

    private UUID first;
    private UUID second;

    @BeforeEach
    void twoArticles() {
        first = insertArticle("first");
        second = insertArticle("second");
    }

    @Test
    void readAlsoLinkToItselfIsRejected() {
        assertThatThrownBy(() -> relate(first, first, 0)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("related_articles_no_self");
    }

    @Test
    void duplicateReadAlsoLinkIsRejected() {
        relate(first, second, 0);
        assertThatThrownBy(() -> relate(first, second, 1)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("related_articles_once");
    }

    @Test
    void twoReadAlsoLinksCannotShareAPosition() {
        UUID third = insertArticle("third");
        relate(first, second, 0);
        assertThatThrownBy(() -> relate(first, third, 0)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("related_articles_position");
    }

    @Test
    void readAlsoLinksGoWithTheirArticle() {
        relate(first, second, 0);
        jdbc.update("DELETE FROM articles WHERE id = ?", second);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM related_articles", Integer.class)).isZero();
    }

    @Test
    void twoTagsWithOneNormalisedKeyAreRejected() {
        insertTag("إيران", "إيران", "ايران");
        // a different slug, so only the normalised key can object
        assertThatThrownBy(() -> insertTag("ايران", "iran", "ايران")).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("tags_normalized_key_unique");
    }

    @Test
    void twoArticlesWithOneSlugKeyAreRejected() {
        assertThatThrownBy(() -> insertArticle("first")).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("articles_slug_key_unique");
    }

    @Test
    void publishedArticleNeedsAPublicationTime() {
        assertThatThrownBy(() -> jdbc.update("UPDATE articles SET status = 'PUBLISHED' WHERE id = ?", first))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("articles_published_needs_time");
    }

    @Test
    void unknownStatusIsRejected() {
        assertThatThrownBy(() -> jdbc.update("UPDATE articles SET status = 'LIVE' WHERE id = ?", first))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private UUID insertArticle(String slug) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO articles (id, slug, slug_key, headline, created_at, updated_at) VALUES (?, ?, ?, 'عنوان', now(), now())",
                id, slug, slug);
        return id;
    }

    private void insertTag(String name, String slug, String key) {
        jdbc.update("INSERT INTO tags (id, name, slug, slug_key, normalized_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, now(), now())",
                UUID.randomUUID(), name, slug, slug, key);
    }

    private void relate(UUID article, UUID related, int position) {
        jdbc.update("INSERT INTO related_articles (id, article_id, related_article_id, position) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), article, related, position);
    }
}
