package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TagsIT extends IntegrationTest {

    private Api editor;

    @BeforeEach
    void editor() {
        editor = api.as(editorKey);
    }

    @Test
    void tagCrud() {
        Api.Result created = editor.post("/api/admin/tags", Map.of("name", "خطة عمل مشتركة", "description", "اتفاقيات"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("slug").asString()).isEqualTo("خطة-عمل-مشتركة");
        assertThat(editor.get("/api/admin/tags/" + id).json().get("description").asString()).isEqualTo("اتفاقيات");

        Api.Result renamed = editor.put("/api/admin/tags/" + id, Map.of("name", "خطط العمل المشتركة", "slug", "joint-plans"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("slug").asString()).isEqualTo("joint-plans");
        assertThat(editor.get("/api/admin/tags").json().get("items").findValuesAsString("name")).contains("خطط العمل المشتركة");

        assertThat(editor.delete("/api/admin/tags/" + id).status()).isEqualTo(204);
        assertThat(editor.get("/api/admin/tags/" + id).status()).isEqualTo(404);
    }

    @Test
    void tagListIsPagedByNameWithACursor() {
        for (String name : new String[] {"باكستان", "إيران", "كشمير"}) {
            editor.post("/api/admin/tags", Map.of("name", name));
        }
        JsonNode first = editor.get("/api/admin/tags?limit=2").json();
        JsonNode second = editor.get("/api/admin/tags?limit=2&cursor=" + first.get("next").asString()).json();
        assertThat(first.get("items").findValuesAsString("name")).containsExactly("إيران", "باكستان");
        assertThat(second.get("items").findValuesAsString("name")).containsExactly("كشمير");
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void spellingVariantOfAnExistingTagIsAConflictNamingIt() {
        String iran = editor.post("/api/admin/tags", Map.of("name", "إيران")).json().get("id").asString();
        Api.Result variant = editor.post("/api/admin/tags", Map.of("name", "ايران"));
        assertThat(variant.status()).isEqualTo(409);
        assertThat(variant.json().get("existingId").asString()).isEqualTo(iran);
    }

    @Test
    void articleTagNamesReuseTagsWhoseKeyMatches() {
        editor.post("/api/admin/tags", Map.of("name", "إيران"));
        JsonNode article = ArticleFixtures.create(editor, ArticleFixtures.article("خبر", "ايران", "مكافحه الارهاب", "مكافحة الإرهاب")).json();
        assertThat(article.get("tags").findValuesAsString("name")).containsExactly("إيران", "مكافحه الارهاب");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags", Integer.class)).isEqualTo(2);
    }

    @Test
    void mergeMovesArticlesKeepsTheOldSlugAsAliasAndDeletesTheTag() {
        String iran = editor.post("/api/admin/tags", Map.of("name", "إيران")).json().get("id").asString();
        String tehran = editor.post("/api/admin/tags", Map.of("name", "طهران")).json().get("id").asString();
        String onlyTehran = ArticleFixtures.createId(editor, "خبر من طهران", "طهران", "سياسة");
        String both = ArticleFixtures.createId(editor, "خبر عن إيران وطهران", "إيران", "طهران", "اقتصاد");
        long versionBefore = editor.get("/api/admin/articles/" + onlyTehran).json().get("version").asLong();

        Api.Result merged = editor.post("/api/admin/tags/" + tehran + "/merge", Map.of("intoId", iran));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("id").asString()).isEqualTo(iran);

        JsonNode first = editor.get("/api/admin/articles/" + onlyTehran).json();
        assertThat(first.get("tags").findValuesAsString("name")).containsExactly("إيران", "سياسة");
        assertThat(first.get("version").asLong()).isGreaterThan(versionBefore);
        assertThat(editor.get("/api/admin/articles/" + both).json().get("tags").findValuesAsString("name")).containsExactly("إيران", "اقتصاد");
        assertThat(editor.get("/api/admin/tags/" + tehran).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT tag_id::text FROM tag_aliases WHERE slug_key = 'طهران'", String.class)).isEqualTo(iran);
    }

    @Test
    void mergeIntoItselfOrAnUnknownTagIsRejected() {
        String iran = editor.post("/api/admin/tags", Map.of("name", "إيران")).json().get("id").asString();
        assertThat(editor.post("/api/admin/tags/" + iran + "/merge", Map.of("intoId", iran)).status()).isEqualTo(400);
        assertThat(editor.post("/api/admin/tags/" + iran + "/merge", Map.of("intoId", "00000000-0000-0000-0000-000000000000")).status()).isEqualTo(400);
        assertThat(editor.post("/api/admin/tags/" + iran + "/merge", Map.of()).status()).isEqualTo(400);
    }
}
