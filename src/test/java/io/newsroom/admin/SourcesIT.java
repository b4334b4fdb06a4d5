package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcesIT extends IntegrationTest {

    @Test
    void sourceCrudAndAttribution() {
        Api editor = api.as(editorKey);
        Api.Result created = editor.post("/api/admin/sources", Map.of("name", "نوفوستي", "url", "https://ria.ru",
                "feedUrl", "https://ria.ru/export/rss2/index.xml", "logoUrl", "https://ria.ru/logo.png"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("slug").asString()).isEqualTo("نوفوستي");

        Map<String, Object> body = ArticleFixtures.article("خبر من نوفوستي");
        body.put("sourceId", id);
        body.put("sourceUrl", "https://ria.ru/20240101/story.html");
        var article = ArticleFixtures.create(editor, body).json();
        assertThat(article.get("source").get("name").asString()).isEqualTo("نوفوستي");
        assertThat(article.get("source").get("url").asString()).isEqualTo("https://ria.ru");

        assertThat(editor.put("/api/admin/sources/" + id, Map.of("name", "وكالة نوفوستي", "url", "https://ria.ru")).json()
                .get("name").asString()).isEqualTo("وكالة نوفوستي");
        assertThat(editor.get("/api/admin/sources").json().get("items").findValuesAsString("name")).containsExactly("وكالة نوفوستي");
        assertThat(editor.delete("/api/admin/sources/" + id).status()).isEqualTo(409);
    }

    @Test
    void unusedSourceCanBeDeletedAndDuplicateSlugIsAConflict() {
        Api editor = api.as(editorKey);
        String id = editor.post("/api/admin/sources", Map.of("name", "بوابة الوفد", "slug", "alwafd")).json().get("id").asString();
        assertThat(editor.post("/api/admin/sources", Map.of("name", "الوفد", "slug", "alwafd")).status()).isEqualTo(409);
        assertThat(editor.delete("/api/admin/sources/" + id).status()).isEqualTo(204);
        assertThat(editor.get("/api/admin/sources/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknownSourceIdOnAnArticleIsA400() {
        Map<String, Object> body = ArticleFixtures.article("مصدر مجهول");
        body.put("sourceId", "00000000-0000-0000-0000-000000000000");
        Api.Result result = api.as(editorKey).post("/api/admin/articles", body);
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("errors").get(0).get("field").asString()).isEqualTo("sourceId");
    }
}
