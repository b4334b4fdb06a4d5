package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArticleLifecycleIT extends IntegrationTest {

    private Api editor;

    @BeforeEach
    void editor() {
        editor = api.as(editorKey);
    }

    @Test
    void createdArticleIsAnArabicDraftWithLocationAndETag() {
        Api.Result created = ArticleFixtures.create(editor, ArticleFixtures.article("خطة عمل مشتركة", "إيران", "باكستان"));
        JsonNode body = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/admin/articles/" + body.get("id").asString());
        assertThat(created.header("ETag")).isEqualTo("\"" + body.get("version").asLong() + "\"");
        assertThat(body.get("status").asString()).isEqualTo("DRAFT");
        assertThat(body.get("language").asString()).isEqualTo("ar");
        assertThat(body.get("direction").asString()).isEqualTo("rtl");
        assertThat(body.get("slug").asString()).isEqualTo("خطة-عمل-مشتركة");
        assertThat(body.get("tags").findValuesAsString("name")).containsExactly("إيران", "باكستان");
        assertThat(editor.get("/api/admin/articles/" + body.get("id").asString()).header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void everyAllowedTransitionWorks() {
        String id = ArticleFixtures.createId(editor, "دورة حياة الخبر");
        assertThat(step(id, "submit")).isEqualTo("IN_REVIEW");
        assertThat(step(id, "publish")).isEqualTo("PUBLISHED");
        assertThat(step(id, "unpublish")).isEqualTo("UNPUBLISHED");
        assertThat(step(id, "submit")).isEqualTo("IN_REVIEW");
        Api.Result scheduled = editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        assertThat(scheduled.json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(step(id, "unpublish")).isEqualTo("UNPUBLISHED");
        assertThat(step(id, "publish")).isEqualTo("PUBLISHED");
        assertThat(step(id, "archive")).isEqualTo("ARCHIVED");
        assertThat(step(id, "unpublish")).isEqualTo("UNPUBLISHED");

        String draft = ArticleFixtures.createId(editor, "مسودة تؤرشف");
        assertThat(step(draft, "archive")).isEqualTo("ARCHIVED");
    }

    @Test
    void disallowedTransitionIs409AndSaysWhatIsAllowed() {
        String id = ArticleFixtures.publishedId(editor, "منشور");
        Api.Result result = editor.post("/api/admin/articles/" + id + "/submit", null);
        assertThat(result.status()).isEqualTo(409);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
        assertThat(result.json().get("currentStatus").asString()).isEqualTo("PUBLISHED");
        assertThat(result.json().get("allowedNext").toString()).contains("UNPUBLISHED", "ARCHIVED");
        assertThat(result.json().get("detail").asString()).contains("PUBLISHED");
    }

    @Test
    void republishingKeepsTheFirstPublicationTime() {
        String id = ArticleFixtures.publishedId(editor, "إعادة النشر");
        String first = editor.get("/api/admin/articles/" + id).json().get("publishedAt").asString();
        step(id, "unpublish");
        JsonNode again = editor.post("/api/admin/articles/" + id + "/publish", null).json();
        assertThat(again.get("publishedAt").asString()).isEqualTo(first);
        assertThat(Instant.parse(again.get("updatedAt").asString())).isAfterOrEqualTo(Instant.parse(first));
    }

    @Test
    void scheduleNeedsAFutureTime() {
        String id = ArticleFixtures.createId(editor, "جدولة");
        Api.Result past = editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", "2020-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("at");
        assertThat(editor.post("/api/admin/articles/" + id + "/schedule", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void scheduledArticleWhoseTimeHasComeIsReportedPublished() {
        String id = ArticleFixtures.createId(editor, "مجدول مستحق");
        editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", Instant.now().plusSeconds(60).toString()));
        jdbc.update("UPDATE articles SET scheduled_at = now() - interval '1 minute', published_at = now() - interval '1 minute' WHERE id = ?::uuid", id);
        assertThat(editor.get("/api/admin/articles/" + id).json().get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void softDeleteHidesAndRestoreBringsBack() {
        String id = ArticleFixtures.createId(editor, "يحذف ثم يعود");
        assertThat(editor.delete("/api/admin/articles/" + id).status()).isEqualTo(204);
        assertThat(editor.get("/api/admin/articles").body()).doesNotContain(id);
        assertThat(editor.get("/api/admin/articles?deleted=true").body()).contains(id);
        assertThat(editor.post("/api/admin/articles/" + id + "/submit", null).status()).isEqualTo(409);
        Api.Result restored = editor.post("/api/admin/articles/" + id + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("deletedAt").isNull()).isTrue();
        assertThat(editor.get("/api/admin/articles").body()).contains(id);
    }

    @Test
    void unknownArticleIs404() {
        Api.Result result = editor.get("/api/admin/articles/00000000-0000-0000-0000-000000000000");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
    }

    private String step(String id, String action) {
        Api.Result result = editor.post("/api/admin/articles/" + id + "/" + action, null);
        assertThat(result.status()).as(action + ": " + result).isEqualTo(200);
        return result.json().get("status").asString();
    }
}
