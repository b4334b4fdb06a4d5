package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RevisionsIT extends IntegrationTest {

    @Test
    void everyContentChangeIsARevisionAndRestoreIsANewOne() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.create(editor, ArticleFixtures.article("النسخة الأولى", "إيران")).json().get("id").asString();
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        assertThat(editor.put("/api/admin/articles/" + id, ArticleFixtures.article("النسخة الثانية", "باكستان"), "If-Match", etag).status()).isEqualTo(200);

        JsonNode revisions = editor.get("/api/admin/articles/" + id + "/revisions").json().get("items");
        assertThat(revisions.findValuesAsString("change")).containsExactly("updated", "created");
        assertThat(revisions.get(0).get("actorName").asString()).isEqualTo("test editor");

        JsonNode first = editor.get("/api/admin/articles/" + id + "/revisions/1").json();
        assertThat(first.get("snapshot").get("content").get("headline").asString()).isEqualTo("النسخة الأولى");

        Api.Result restored = editor.post("/api/admin/articles/" + id + "/revisions/1/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("headline").asString()).isEqualTo("النسخة الأولى");
        assertThat(restored.json().get("tags").findValuesAsString("name")).containsExactly("إيران");
        assertThat(editor.get("/api/admin/articles/" + id + "/revisions").json().get("items").get(0).get("change").asString())
                .isEqualTo("restored from revision 1");
    }

    @Test
    void unknownRevisionIs404() {
        String id = ArticleFixtures.createId(api.as(editorKey), "بلا نسخ");
        assertThat(api.as(editorKey).get("/api/admin/articles/" + id + "/revisions/9").status()).isEqualTo(404);
        assertThat(api.as(editorKey).post("/api/admin/articles/" + id + "/revisions/9/restore", null).status()).isEqualTo(404);
    }
}
