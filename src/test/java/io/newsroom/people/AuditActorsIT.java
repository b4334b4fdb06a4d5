package io.newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.TestIssuer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit log and revisions name their actor as {@code {type, id, name}}, a key with the person it
 * belongs to, under the name they had at the time; entries written before keep reading as before.
 */
class AuditActorsIT extends IntegrationTest {

    private final TestIssuer issuer = TestIssuer.get();

    private Api layla(String name) {
        return api.as(issuer.token().subject("kc-layla").name(name).roles(List.of("EDITOR")).sign());
    }

    @Test
    void entriesNameThePersonTheKeyWithItsOwnerAndTheUnownedKey() {
        Api layla = layla("ليلى");
        String laylaId = layla.get("/api/admin/me").json().get("id").asString();
        String id = ArticleFixtures.createId(layla, "خبر ليلى");
        Api.Result key = layla.post("/api/admin/api-keys", Map.of("name", "هاتف ليلى", "role", "EDITOR"));
        api.as(key.json().get("secret").asString()).post("/api/admin/articles/" + id + "/submit", null);
        api.as(editorKey).post("/api/admin/articles/" + id + "/publish", null);

        JsonNode entries = api.as(adminKey).get("/api/admin/audit?articleId=" + id).json().get("items");
        assertThat(entries.findValuesAsString("action")).containsExactly("article.published", "article.submitted", "article.created");

        JsonNode byPerson = entries.get(2).get("actor");
        assertThat(byPerson.get("type").asString()).isEqualTo("PERSON");
        assertThat(byPerson.get("id").asString()).isEqualTo(laylaId);
        assertThat(byPerson.get("name").asString()).isEqualTo("ليلى");
        assertThat(byPerson.has("person")).isFalse();
        assertThat(entries.get(2).get("actorName").asString()).isEqualTo("ليلى");

        JsonNode byKey = entries.get(1).get("actor");
        assertThat(byKey.get("type").asString()).isEqualTo("API_KEY");
        assertThat(byKey.get("id").asString()).isEqualTo(key.json().get("id").asString());
        assertThat(byKey.get("name").asString()).isEqualTo("هاتف ليلى");
        assertThat(byKey.get("person").get("id").asString()).isEqualTo(laylaId);
        assertThat(byKey.get("person").get("name").asString()).isEqualTo("ليلى");

        JsonNode byUnownedKey = entries.get(0).get("actor");
        assertThat(byUnownedKey.get("type").asString()).isEqualTo("API_KEY");
        assertThat(byUnownedKey.get("name").asString()).isEqualTo("test editor");
        assertThat(byUnownedKey.has("person")).isFalse();
    }

    @Test
    void aPersonsEntriesKeepTheNameTheyHadAtTheTime() {
        String first = ArticleFixtures.createId(layla("ليلى"), "قبل تغيير الاسم");
        String second = ArticleFixtures.createId(layla("ليلى حسن"), "بعد تغيير الاسم");
        assertThat(actorName(first)).isEqualTo("ليلى");
        assertThat(actorName(second)).isEqualTo("ليلى حسن");
    }

    @Test
    void filteringByAPersonFindsWhatTheyDidInPersonAndThroughTheirKeys() {
        Api layla = layla("ليلى");
        String laylaId = layla.get("/api/admin/me").json().get("id").asString();
        ArticleFixtures.createId(layla, "بنفسها");
        String secret = layla.post("/api/admin/api-keys", Map.of("name", "k", "role", "WRITER")).json().get("secret").asString();
        ArticleFixtures.createId(api.as(secret), "بمفتاحها");
        ArticleFixtures.createId(api.as(editorKey), "لغيرها");

        JsonNode entries = api.as(adminKey).get("/api/admin/audit?actor=" + laylaId).json().get("items");
        assertThat(entries.valueStream().map(e -> e.get("action").asString()).toList())
                // newest first; her first article in person made the author linked to her
                .containsExactly("article.created", "api-key.created", "article.created", "author.linked");
    }

    @Test
    void revisionsNameTheirAuthorTheSameWay() {
        Api layla = layla("ليلى");
        String laylaId = layla.get("/api/admin/me").json().get("id").asString();
        String id = ArticleFixtures.createId(layla, "مسودة");
        String etag = api.as(editorKey).get("/api/admin/articles/" + id).header("ETag");
        api.as(editorKey).put("/api/admin/articles/" + id, ArticleFixtures.article("مسودة محررة"), "If-Match", etag);

        JsonNode revisions = api.as(editorKey).get("/api/admin/articles/" + id + "/revisions").json().get("items");
        assertThat(revisions.get(1).get("actor").get("type").asString()).isEqualTo("PERSON");
        assertThat(revisions.get(1).get("actor").get("id").asString()).isEqualTo(laylaId);
        assertThat(revisions.get(1).get("actor").get("name").asString()).isEqualTo("ليلى");
        assertThat(revisions.get(0).get("actor").get("type").asString()).isEqualTo("API_KEY");
        assertThat(api.as(editorKey).get("/api/admin/articles/" + id + "/revisions/1").json().get("actor").get("name").asString())
                .isEqualTo("ليلى");
    }

    @Test
    void entriesWrittenBeforePeopleExistedReadAsBefore() {
        UUID keyId = UUID.randomUUID();
        jdbc.update("INSERT INTO audit_log (at, actor_id, actor_name, action, target_type) VALUES (now(), ?, 'old desk key', 'tag.created', 'tag')",
                keyId);
        jdbc.update("INSERT INTO audit_log (at, actor_id, actor_name, action, target_type) VALUES (now(), NULL, 'system', 'tag.merged', 'tag')");

        JsonNode entries = api.as(adminKey).get("/api/admin/audit").json().get("items");
        assertThat(entries.get(0).get("actorName").asString()).isEqualTo("system");
        assertThat(entries.get(0).get("actorId").isNull()).isTrue();
        assertThat(entries.get(0).get("actor").get("type").asString()).isEqualTo("SYSTEM");
        assertThat(entries.get(1).get("actorId").asString()).isEqualTo(keyId.toString());
        assertThat(entries.get(1).get("actorName").asString()).isEqualTo("old desk key");
        assertThat(entries.get(1).get("actor").get("type").asString()).isEqualTo("API_KEY");
        assertThat(entries.get(1).get("actor").get("name").asString()).isEqualTo("old desk key");
    }

    private String actorName(String articleId) {
        return api.as(adminKey).get("/api/admin/audit?articleId=" + articleId).json().get("items").get(0).get("actor").get("name").asString();
    }
}
