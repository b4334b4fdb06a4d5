package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditIT extends IntegrationTest {

    @Test
    void everyWriteIsAuditedWithItsKey() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.publishedId(editor, "خبر مدقق");
        JsonNode entries = api.as(adminKey).get("/api/admin/audit?articleId=" + id).json().get("items");
        assertThat(entries.findValuesAsString("action")).containsExactly("article.published", "article.created");
        assertThat(entries.findValuesAsString("actorName")).containsOnly("test editor");
        assertThat(entries.get(0).get("details").get("to").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void auditIsPagedWithACursorAndFilteredByActor() {
        Api editor = api.as(editorKey);
        for (int i = 0; i < 5; i++) {
            ArticleFixtures.createId(editor, "خبر " + i);
        }
        String editorId = jdbc.queryForObject("SELECT id::text FROM api_keys WHERE name = 'test editor'", String.class);
        JsonNode page1 = api.as(adminKey).get("/api/admin/audit?limit=3&actor=" + editorId).json();
        assertThat(page1.get("items").size()).isEqualTo(3);
        JsonNode page2 = api.as(adminKey).get("/api/admin/audit?limit=3&actor=" + editorId + "&cursor=" + page1.get("next").asString()).json();
        assertThat(page2.get("items").size()).isEqualTo(2);
        assertThat(page2.get("next").isNull()).isTrue();
    }

    @Test
    void writersCannotReadTheAudit() {
        assertThat(api.as(writerKey).get("/api/admin/audit").status()).isEqualTo(403);
    }
}
