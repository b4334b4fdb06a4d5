package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slugs as the API gives and keeps them. How a headline becomes a slug, in every script: text/SlugsTest. */
class SlugsIT extends IntegrationTest {

    @Test
    void slugsAreGeneratedFromArabicHeadlinesAndCollisionsGetASuffix() {
        Api editor = api.as(editorKey);
        assertThat(ArticleFixtures.create(editor, ArticleFixtures.article("خطة عمل مشتركة")).json().get("slug").asString()).isEqualTo("خطة-عمل-مشتركة");
        assertThat(ArticleFixtures.create(editor, ArticleFixtures.article("خطه عمل مشتركه!")).json().get("slug").asString()).isEqualTo("خطه-عمل-مشتركه-2");
    }

    @Test
    void editorsChooseSlugsAndTakenOnesAreAConflict() {
        Api editor = api.as(editorKey);
        Map<String, Object> body = ArticleFixtures.article("عنوان طويل جدا");
        body.put("slug", "Pakistan Iran Pact");
        String id = ArticleFixtures.create(editor, body).json().get("id").asString();
        assertThat(editor.get("/api/admin/articles/" + id).json().get("slug").asString()).isEqualTo("pakistan-iran-pact");

        String other = ArticleFixtures.createId(editor, "خبر آخر");
        String etag = editor.get("/api/admin/articles/" + other).header("ETag");
        Map<String, Object> clash = ArticleFixtures.article("خبر آخر");
        clash.put("slug", "pakistan-iran-pact");
        assertThat(editor.put("/api/admin/articles/" + other, clash, "If-Match", etag).status()).isEqualTo(409);
    }

    @Test
    void renamingAPublishedArticleKeepsItsFormerSlug() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.publishedId(editor, "الاسم الأول");
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        Map<String, Object> renamed = ArticleFixtures.article("الاسم الأول");
        renamed.put("slug", "الاسم-الجديد");
        assertThat(editor.put("/api/admin/articles/" + id, renamed, "If-Match", etag).json().get("slug").asString()).isEqualTo("الاسم-الجديد");
        assertThat(jdbc.queryForObject("SELECT article_id::text FROM article_former_slugs WHERE slug_key = 'الاسم-الاول'", String.class)).isEqualTo(id);

        // the former slug is not handed to a new article
        assertThat(ArticleFixtures.create(editor, ArticleFixtures.article("الاسم الأول")).json().get("slug").asString()).isEqualTo("الاسم-الأول-2");
    }

    @Test
    void renamingADraftLeavesNoFormerSlug() {
        Api editor = api.as(editorKey);
        String id = ArticleFixtures.createId(editor, "مسودة");
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        Map<String, Object> renamed = ArticleFixtures.article("مسودة");
        renamed.put("slug", "draft-renamed");
        editor.put("/api/admin/articles/" + id, renamed, "If-Match", etag);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_former_slugs", Integer.class)).isZero();
    }
}
