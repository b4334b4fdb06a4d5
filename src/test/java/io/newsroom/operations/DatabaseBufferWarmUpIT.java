package io.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The warm-up's first step: readers' tables into PostgreSQL's shared buffers, with pg_prewarm. */
class DatabaseBufferWarmUpIT extends IntegrationTest {

    @Autowired
    DatabaseBufferWarmUp databaseBuffers;

    @Test
    void loadsReadersTablesMostReadFirstWithinTheBuffers() {
        ArticleFixtures.publishedId(api.as(editorKey), "خبر في ذاكرة قاعدة البيانات", "ذاكرة");

        List<DatabaseBufferWarmUp.Loaded> loaded = databaseBuffers.load();

        List<String> relations = loaded.stream().map(DatabaseBufferWarmUp.Loaded::relation).toList();
        assertThat(relations).contains("articles", "articles_pkey", "articles_slug_key_unique", "article_tags", "tags",
                "article_renderings", "article_renderings_pkey", "article_summaries", "article_summaries_pkey", "article_search");
        assertThat(relations.indexOf("articles")).as("the articles' rows before the renderings'").isLessThan(relations.indexOf("article_renderings"));
        assertThat(relations.get(relations.size() - 1)).as("the renderings' bodies last: they take what room is left").startsWith("pg_toast.");
        assertThat(relations).as("the articles' own bodies are not loaded").doesNotContain(toastOf("articles"));
        DatabaseBufferWarmUp.Loaded articles = loaded.get(relations.indexOf("articles"));
        assertThat(articles.blocks()).as("a small table loads whole").isPositive().isEqualTo(articles.ofBlocks());
        long room = jdbc.queryForObject("SELECT setting::bigint FROM pg_settings WHERE name = 'shared_buffers'", Long.class);
        assertThat(loaded.stream().mapToLong(DatabaseBufferWarmUp.Loaded::blocks).sum()).isLessThanOrEqualTo(room * 9 / 10);
        // what pg_prewarm reports loading is what the relation holds, block for block
        long articleBlocks = jdbc.queryForObject("SELECT pg_relation_size('articles') / current_setting('block_size')::bigint", Long.class);
        assertThat(articles.ofBlocks()).isEqualTo(articleBlocks);
    }

    @Test
    void withoutPgPrewarmNothingIsLoadedAndNothingFails() {
        jdbc.execute("DROP EXTENSION pg_prewarm");
        try {
            assertThat(databaseBuffers.load()).isEmpty();
        } finally {
            jdbc.execute("CREATE EXTENSION pg_prewarm");
        }
    }

    private String toastOf(String table) {
        return jdbc.queryForObject("SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = ?::regclass", String.class, table);
    }
}
