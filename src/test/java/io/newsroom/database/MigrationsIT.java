package io.newsroom.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.article.Article;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.TestDatabase;
import io.newsroom.text.SearchText;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MigrationsIT extends IntegrationTest {

    private static final String FRESH_SCHEMA = "migrations_from_empty";

    /** Flyway on an empty schema of its own, beside the application's. */
    private FluentConfiguration freshSchema() {
        dropFreshSchema();
        TestDatabase.Connection db = TestDatabase.get();
        return Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .schemas(FRESH_SCHEMA).locations("classpath:db/migration");
    }

    @AfterEach
    void dropFreshSchema() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + FRESH_SCHEMA + " CASCADE");
    }

    @Test
    void migrationsApplyToAnEmptySchema() {
        MigrateResult result = freshSchema().load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1", String.class, FRESH_SCHEMA);
        assertThat(tables).contains("articles", "article_tags", "related_articles", "sources", "tags");
        assertThat(jdbc.queryForObject("SELECT max(version::int) FROM " + FRESH_SCHEMA + ".flyway_schema_history", Integer.class))
                .as("the Java migrations are found too").isGreaterThanOrEqualTo(6);
    }

    @Test
    void searchVectorsOfExistingArticlesAreMadeAgainInJava() {
        FluentConfiguration flyway = freshSchema();
        flyway.target("5").load().migrate();
        // An article as version 5 stored it: PostgreSQL generated its vector from the search text.
        jdbc.update("INSERT INTO " + FRESH_SCHEMA + ".articles (id, slug, slug_key, language, status, headline, body_html,"
                + " created_at, updated_at, search_text) VALUES (?, 'pact', 'pact', 'ar', 'DRAFT', ?, ?, now(), now(), 'old text')",
                UUID.randomUUID(), "باكستان وإيران تبرمان خطة عمل", "<p>لمكافحة <b>الإرهاب</b> في المنطقة</p>");

        flyway.target(MigrationVersion.LATEST).load().migrate();

        String table = FRESH_SCHEMA + ".articles";
        String search = FRESH_SCHEMA + ".article_search";
        assertThat(jdbc.queryForList("SELECT a.slug FROM " + table + " a JOIN " + search + " s ON s.article_id = a.id"
                + " WHERE s.search_vector @@ CAST(? AS tsquery)", String.class, SearchText.tsquery("والإرهاب ايران"))).containsExactly("pact");
        assertThat(jdbc.queryForObject("SELECT search_vector = CAST(? AS tsvector) FROM " + search, Boolean.class,
                Article.searchVector("باكستان وإيران تبرمان خطة عمل", null, null, "<p>لمكافحة <b>الإرهاب</b> في المنطقة</p>")))
                .as("the vector the application makes for this content").isTrue();
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = 'articles'",
                String.class, FRESH_SCHEMA)).doesNotContain("search_text");
    }

    @Test
    void searchVectorsMoveToTheirOwnTableWithEachArticlesVisibility() {
        FluentConfiguration flyway = freshSchema();
        flyway.target("6").load().migrate();
        // Articles as version 6 stored them, their vectors in the articles table.
        String articles = FRESH_SCHEMA + ".articles";
        String insert = "INSERT INTO " + articles + " (id, slug, slug_key, language, status, headline, scheduled_at, published_at,"
                + " deleted_at, created_at, updated_at, search_vector) VALUES (?, ?, ?, 'ar', ?, 'خبر', ?::timestamptz, ?::timestamptz,"
                + " ?::timestamptz, now(), now(), CAST(? AS tsvector))";
        String vector = SearchText.vector("إيران");
        jdbc.update(insert, UUID.randomUUID(), "published", "published", "PUBLISHED", null, "2026-01-02T03:04:05Z", null, vector);
        jdbc.update(insert, UUID.randomUUID(), "scheduled", "scheduled", "SCHEDULED", "2099-01-01T00:00:00Z", "2099-01-01T00:00:00Z",
                null, vector);
        jdbc.update(insert, UUID.randomUUID(), "draft", "draft", "DRAFT", null, null, null, vector);
        jdbc.update(insert, UUID.randomUUID(), "deleted", "deleted", "PUBLISHED", null, "2026-01-02T03:04:05Z", "2026-02-01T00:00:00Z",
                vector);

        flyway.target(MigrationVersion.LATEST).load().migrate();

        String moved = "SELECT a.slug || '=' || coalesce(to_char(s.visible_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), '-')"
                + " FROM " + articles + " a JOIN " + FRESH_SCHEMA + ".article_search s ON s.article_id = a.id"
                + " WHERE s.search_vector @@ CAST(? AS tsquery) ORDER BY a.slug";
        assertThat(jdbc.queryForList(moved, String.class, SearchText.tsquery("ايران"))).containsExactly(
                "deleted=-", "draft=-", "published=2026-01-02 03:04", "scheduled=2099-01-01 00:00");
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = 'articles'",
                String.class, FRESH_SCHEMA)).doesNotContain("search_vector");
    }

    @Test
    void storedTextIsCleanedAndKeysAreFoldedAgainWithPersianLetters() {
        FluentConfiguration flyway = freshSchema();
        flyway.target("7").load().migrate();
        String schema = FRESH_SCHEMA + ".";
        // Rows as version 7 stored them: control characters kept, keheh and farsi yeh not folded.
        UUID persianTag = UUID.randomUUID();
        UUID arabicTag = UUID.randomUUID();
        UUID noisyTag = UUID.randomUUID();
        String insertTag = "INSERT INTO " + schema + "tags (id, name, slug, slug_key, normalized_key, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?::timestamptz, now())";
        jdbc.update(insertTag, persianTag, "کتاب", "کتاب", "کتاب", "کتاب", "2026-01-01T00:00:00Z");
        jdbc.update(insertTag, arabicTag, "كتاب", "كتاب-2", "كتاب-2", "كتاب", "2026-02-01T00:00:00Z");
        jdbc.update(insertTag, noisyTag, "خبر\u0007 \u200Fعاجل\uFDD0", "خبر-عاجل", "خبر-عاجل", "خبر\u0007 عاجل\uFDD0", "2026-03-01T00:00:00Z");
        UUID both = UUID.randomUUID();
        UUID one = UUID.randomUUID();
        String insertArticle = "INSERT INTO " + schema + "articles (id, slug, slug_key, language, status, headline, body_html, byline,"
                + " published_at, created_at, updated_at) VALUES (?, ?, ?, 'ar', 'PUBLISHED', ?, ?, ?, now(), now(), now())";
        jdbc.update(insertArticle, both, "کتاب-ایران", "کتاب-ایران", "عنوان\u0001 مع\nسطر\uFEFF", "<p>نص\u000B\u0085 ثان\r\n</p>", "كاتب\u0002");
        jdbc.update(insertArticle, one, "plain", "plain", "خبر", "<p>نص</p>", null);
        String insertSearch = "INSERT INTO " + schema + "article_search (article_id, search_vector) VALUES (?, '')";
        jdbc.update(insertSearch, both);
        jdbc.update(insertSearch, one);
        String insertLink = "INSERT INTO " + schema + "article_tags (article_id, position, tag_id) VALUES (?, ?, ?)";
        jdbc.update(insertLink, both, 0, arabicTag);
        jdbc.update(insertLink, both, 1, noisyTag);
        jdbc.update(insertLink, both, 2, persianTag);
        jdbc.update(insertLink, one, 0, arabicTag);

        flyway.target(MigrationVersion.LATEST).load().migrate();

        assertThat(jdbc.queryForList("SELECT name FROM " + schema + "tags ORDER BY created_at", String.class))
                .as("the younger spelling of one word is merged into the older").containsExactly("کتاب", "خبر عاجل");
        assertThat(jdbc.queryForObject("SELECT normalized_key FROM " + schema + "tags WHERE id = ?", String.class, persianTag)).isEqualTo("كتاب");
        assertThat(jdbc.queryForList("SELECT tag_id FROM " + schema + "article_tags WHERE article_id = ? ORDER BY position", UUID.class, both))
                .as("as in a tag merge, an article with both keeps the surviving tag where it was").containsExactly(noisyTag, persianTag);
        assertThat(jdbc.queryForList("SELECT position FROM " + schema + "article_tags WHERE article_id = ? ORDER BY position", Integer.class, both))
                .containsExactly(0, 1);
        assertThat(jdbc.queryForList("SELECT tag_id FROM " + schema + "article_tags WHERE article_id = ?", UUID.class, one)).containsExactly(persianTag);
        assertThat(jdbc.queryForObject("SELECT tag_id FROM " + schema + "tag_aliases WHERE slug_key = 'كتاب-2'", UUID.class))
                .as("the merged tag's slug still leads to the tag").isEqualTo(persianTag);

        var article = jdbc.queryForMap("SELECT headline, body_html, byline, slug, slug_key FROM " + schema + "articles WHERE id = ?", both);
        assertThat(article.get("headline")).isEqualTo("عنوان مع سطر");
        assertThat(article.get("body_html")).isEqualTo("<p>نص ثان\n</p>");
        assertThat(article.get("byline")).isEqualTo("كاتب");
        assertThat(article.get("slug")).as("the URL as it was").isEqualTo("کتاب-ایران");
        assertThat(article.get("slug_key")).isEqualTo("كتاب-ايران");
        assertThat(jdbc.queryForObject("SELECT search_vector = CAST(? AS tsvector) FROM " + schema + "article_search WHERE article_id = ?",
                Boolean.class, Article.searchVector("عنوان مع سطر", null, null, "<p>نص ثان\n</p>"), both)).isTrue();
        assertThat(jdbc.queryForObject("SELECT search_vector = '' FROM " + schema + "article_search WHERE article_id = ?", Boolean.class, one))
                .as("an article with clean text and no newly folded letter is not rewritten").isTrue();
    }

    @Test
    void applicationSchemaIsMigratedAndMatchesTheEntities() {
        // The context only starts when Hibernate's ddl-auto=validate agrees with the migrated schema.
        Integer failed = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class);
        Integer applied = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class);
        assertThat(failed).isZero();
        assertThat(applied).isPositive();
    }

    @Test
    void contentIndexesExist() {
        List<String> indexes = jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename IN ('articles', 'article_tags', 'article_search')",
                String.class);
        assertThat(indexes).contains("articles_visible_by_time", "articles_visible_by_source", "article_search_vector",
                "article_tags_by_tag", "articles_slug_key_unique");
    }
}
