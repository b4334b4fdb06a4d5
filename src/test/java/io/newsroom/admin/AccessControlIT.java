package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessControlIT extends IntegrationTest {

    @Test
    void noKeyIsRejectedWith401ProblemBody() {
        Api.Result result = api.get("/api/admin/articles");
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
        assertThat(result.json().get("status").asInt()).isEqualTo(401);
        assertThat(result.json().get("detail").asString()).contains("API key");
    }

    @Test
    void unknownKeyIsRejectedWith401() {
        assertThat(api.as("nr_not-a-real-key").get("/api/admin/articles").status()).isEqualTo(401);
        assertThat(api.get("/api/admin/articles", "Authorization", "Basic YWRtaW46YWRtaW4=").status()).isEqualTo(401);
    }

    @Test
    void writerCannotPublish() {
        String id = ArticleFixtures.createId(api.as(writerKey), "مسودة الكاتب");
        Api.Result result = api.as(writerKey).post("/api/admin/articles/" + id + "/publish", null);
        assertThat(result.status()).isEqualTo(403);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void writerCannotUnpublishDeleteOrSchedule() {
        String id = ArticleFixtures.publishedId(api.as(editorKey), "خبر منشور");
        Api writer = api.as(writerKey);
        assertThat(writer.post("/api/admin/articles/" + id + "/unpublish", null).status()).isEqualTo(403);
        assertThat(writer.delete("/api/admin/articles/" + id).status()).isEqualTo(403);
        assertThat(writer.post("/api/admin/articles/" + id + "/schedule", Map.of("at", "2099-01-01T00:00:00Z")).status()).isEqualTo(403);
    }

    @Test
    void writerFindsOthersWorkNotFoundButEditsOwnDraft() {
        String others = ArticleFixtures.publishedId(api.as(editorKey), "خبر المحرر");
        Api writer = api.as(writerKey);
        assertThat(writer.get("/api/admin/articles/" + others).status()).isEqualTo(404);
        Api.Result denied = writer.put("/api/admin/articles/" + others, ArticleFixtures.article("تعديل"), "If-Match", "\"0\"");
        assertThat(denied.status()).isEqualTo(404);

        String own = ArticleFixtures.createId(writer, "مسودتي");
        String ownEtag = writer.get("/api/admin/articles/" + own).header("ETag");
        assertThat(writer.put("/api/admin/articles/" + own, ArticleFixtures.article("مسودتي المعدلة"), "If-Match", ownEtag).status()).isEqualTo(200);
        assertThat(writer.post("/api/admin/articles/" + own + "/submit", null).status()).isEqualTo(200);
    }

    @Test
    void integrationKeyReadsButCannotEdit() {
        Api integration = api.as(integrationKey);
        assertThat(integration.get("/api/admin/articles").status()).isEqualTo(200);
        assertThat(integration.post("/api/admin/articles", ArticleFixtures.article("x")).status()).isEqualTo(403);
        assertThat(integration.post("/api/admin/tags", Map.of("name", "x")).status()).isEqualTo(403);
    }

    @Test
    void onlyAdminManagesApiKeys() {
        assertThat(api.as(editorKey).get("/api/admin/api-keys").status()).isEqualTo(403);
        assertThat(api.as(editorKey).post("/api/admin/api-keys", Map.of("name", "x", "role", "ADMIN")).status()).isEqualTo(403);
    }

    @Test
    void createdKeyWorksAndItsSecretIsShownOnlyOnce() {
        Api.Result created = api.as(adminKey).post("/api/admin/api-keys", Map.of("name", "wire desk", "role", "EDITOR"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("nr_").hasSizeGreaterThan(40);
        assertThat(created.json().get("role").asString()).isEqualTo("EDITOR");

        assertThat(api.as(secret).get("/api/admin/articles").status()).isEqualTo(200);
        Api.Result list = api.as(adminKey).get("/api/admin/api-keys");
        assertThat(list.body()).doesNotContain(secret).contains("wire desk");
        String storedHash = jdbc.queryForObject("SELECT secret_hash FROM api_keys WHERE name = 'wire desk'", String.class);
        assertThat(storedHash).doesNotContain(secret).hasSize(64);
    }

    @Test
    void revokedKeyIsRejected() {
        Api.Result created = api.as(adminKey).post("/api/admin/api-keys", Map.of("name", "temp", "role", "WRITER"));
        String secret = created.json().get("secret").asString();
        String id = created.json().get("id").asString();
        assertThat(api.as(adminKey).delete("/api/admin/api-keys/" + id).status()).isEqualTo(204);
        assertThat(api.as(secret).get("/api/admin/articles").status()).isEqualTo(401);
    }

    @Test
    void unknownRoleIsA400() {
        Api.Result result = api.as(adminKey).post("/api/admin/api-keys", Map.of("name", "x", "role", "SUPERUSER"));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void publicPathsNeedNoKey() {
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    }
}
