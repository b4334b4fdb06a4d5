package io.newsroom.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import io.newsroom.support.TestDatabase;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class MigrationsIT extends IntegrationTest {

    private static final String FRESH_SCHEMA = "migrations_from_empty";

    @Test
    void migrationsApplyToAnEmptySchema() {
        TestDatabase.Connection db = TestDatabase.get();
        jdbc.execute("DROP SCHEMA IF EXISTS " + FRESH_SCHEMA + " CASCADE");
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(db.url(), db.username(), db.password())
                    .schemas(FRESH_SCHEMA)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
            List<String> tables = jdbc.queryForList(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1", String.class, FRESH_SCHEMA);
            assertThat(tables).contains("articles", "article_tags", "related_articles", "sources", "tags");
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + FRESH_SCHEMA + " CASCADE");
        }
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
        List<String> indexes = jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename IN ('articles', 'article_tags')", String.class);
        assertThat(indexes).contains("articles_visible_by_time", "articles_visible_by_source", "articles_search",
                "article_tags_by_tag", "articles_slug_key_unique");
    }
}
