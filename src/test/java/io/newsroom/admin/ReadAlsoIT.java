package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadAlsoIT extends IntegrationTest {

    private Api editor;
    private String main;
    private String first;
    private String second;

    @BeforeEach
    void articles() {
        editor = api.as(editorKey);
        main = ArticleFixtures.createId(editor, "الخبر الرئيسي");
        first = ArticleFixtures.createId(editor, "إقرأ أيضاً الأول");
        second = ArticleFixtures.createId(editor, "إقرأ أيضاً الثاني");
    }

    @Test
    void readAlsoKeepsTheEditorsOrder() {
        Api.Result put = editor.put("/api/admin/articles/" + main + "/related", Map.of("ids", List.of(second, first)));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("items").findValuesAsString("id")).containsExactly(second, first);
        assertThat(editor.get("/api/admin/articles/" + main + "/related").json().get("items").findValuesAsString("id")).containsExactly(second, first);
        assertThat(editor.get("/api/admin/articles/" + main).json().get("related").findValuesAsString("headline"))
                .containsExactly("إقرأ أيضاً الثاني", "إقرأ أيضاً الأول");

        editor.put("/api/admin/articles/" + main + "/related", Map.of("ids", List.of(first, second)));
        assertThat(editor.get("/api/admin/articles/" + main + "/related").json().get("items").findValuesAsString("id")).containsExactly(first, second);
    }

    @Test
    void selfLinkIsRejected() {
        assertInvalid(List.of(main));
    }

    @Test
    void duplicatesAreRejected() {
        assertInvalid(List.of(first, first));
    }

    @Test
    void unknownArticleIsRejected() {
        assertInvalid(List.of("00000000-0000-0000-0000-000000000001"));
    }

    @Test
    void moreThanTenAreRejected() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(ArticleFixtures.createId(editor, "مقال " + i));
        }
        assertInvalid(ids);
    }

    @Test
    void relatedIdsAtCreationAreValidatedToo() {
        Map<String, Object> body = ArticleFixtures.article("مع روابط");
        body.put("relatedIds", List.of(first, first));
        assertThat(editor.post("/api/admin/articles", body).status()).isEqualTo(400);
        body.put("relatedIds", List.of(first));
        assertThat(ArticleFixtures.create(editor, body).json().get("related").findValuesAsString("id")).containsExactly(first);
    }

    private void assertInvalid(List<String> ids) {
        Api.Result result = editor.put("/api/admin/articles/" + main + "/related", Map.of("ids", ids));
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.json().get("errors").get(0).get("field").asString()).isEqualTo("ids");
        assertThat(editor.get("/api/admin/articles/" + main + "/related").json().get("items").size()).isZero();
    }
}
