package io.newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.TestIssuer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API keys belong to people: made by a person, they act for them and never above their role. */
class PersonalKeysIT extends IntegrationTest {

    private final TestIssuer issuer = TestIssuer.get();

    private Api person(String subject, String role) {
        return api.as(issuer.token().subject(subject).name("صاحب " + subject).roles(List.of(role)).sign());
    }

    @Test
    void aKeyMadeByAPersonIsTheirsAndActsForThem() {
        Api editor = person("kc-editor", "EDITOR");
        String personId = editor.get("/api/admin/me").json().get("id").asString();

        Api.Result created = editor.post("/api/admin/api-keys", Map.of("name", "أداة الديسك", "role", "WRITER"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("owner").get("id").asString()).isEqualTo(personId);

        JsonNode me = api.as(created.json().get("secret").asString()).get("/api/admin/me").json();
        assertThat(me.get("type").asString()).isEqualTo("API_KEY");
        assertThat(me.get("role").asString()).isEqualTo("WRITER");
        assertThat(me.get("displayName").asString()).isEqualTo("أداة الديسك");
        assertThat(me.get("person").get("id").asString()).isEqualTo(personId);
        assertThat(me.get("person").get("displayName").asString()).isEqualTo("صاحب kc-editor");
    }

    @Test
    void aKeyNeverCarriesARoleAboveItsMakersRole() {
        assertThat(person("kc-e", "EDITOR").post("/api/admin/api-keys", Map.of("name", "x", "role", "ADMIN")).status()).isEqualTo(403);
        Api writer = person("kc-w", "WRITER");
        assertThat(writer.post("/api/admin/api-keys", Map.of("name", "x", "role", "EDITOR")).status()).isEqualTo(403);
        // an INTEGRATION key ingests and publishes: more than a WRITER may do
        assertThat(writer.post("/api/admin/api-keys", Map.of("name", "x", "role", "INTEGRATION")).status()).isEqualTo(403);
        assertThat(writer.post("/api/admin/api-keys", Map.of("name", "x", "role", "WRITER")).status()).isEqualTo(201);
    }

    @Test
    void peopleSeeAndRevokeOnlyTheirOwnKeys() {
        Api layla = person("kc-layla", "EDITOR");
        Api omar = person("kc-omar", "EDITOR");
        String laylas = layla.post("/api/admin/api-keys", Map.of("name", "layla's", "role", "EDITOR")).json().get("id").asString();
        omar.post("/api/admin/api-keys", Map.of("name", "omar's", "role", "EDITOR"));

        assertThat(names(layla.get("/api/admin/api-keys").json())).containsExactly("layla's");
        assertThat(names(api.as(adminKey).get("/api/admin/api-keys").json())).contains("layla's", "omar's", "test editor");
        assertThat(omar.delete("/api/admin/api-keys/" + laylas).status()).isEqualTo(404);
        assertThat(layla.delete("/api/admin/api-keys/" + laylas).status()).isEqualTo(204);
    }

    @Test
    void keysMadeBeforePeopleKeepWorkingUnownedUntilAnAdminGivesThemAnOwner() {
        Api.Result me = api.as(writerKey).get("/api/admin/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().has("person") && !me.json().get("person").isNull()).isFalse();

        String personId = person("kc-owner", "WRITER").get("/api/admin/me").json().get("id").asString();
        String keyId = jdbc.queryForObject("SELECT id::text FROM api_keys WHERE name = 'test writer'", String.class);
        Api.Result assigned = api.as(adminKey).patch("/api/admin/api-keys/" + keyId, Map.of("ownerId", personId));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("owner").get("id").asString()).isEqualTo(personId);
        assertThat(api.as(writerKey).get("/api/admin/me").json().get("person").get("id").asString()).isEqualTo(personId);

        // a WRITER cannot own an EDITOR key; only an ADMIN assigns owners
        String editorKeyId = jdbc.queryForObject("SELECT id::text FROM api_keys WHERE name = 'test editor'", String.class);
        assertThat(api.as(adminKey).patch("/api/admin/api-keys/" + editorKeyId, Map.of("ownerId", personId)).status()).isEqualTo(409);
        assertThat(api.as(editorKey).patch("/api/admin/api-keys/" + keyId, Map.of("ownerId", personId)).status()).isEqualTo(403);

        Map<String, Object> none = new HashMap<>();
        none.put("ownerId", null);
        Api.Result cleared = api.as(adminKey).patch("/api/admin/api-keys/" + keyId, none);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("owner").isNull()).isTrue();
    }

    @Test
    void aKeyActsWithItsOwnersRoleWhenTheOwnerIsDemoted() {
        String secret = person("kc-demoted", "EDITOR").post("/api/admin/api-keys", Map.of("name", "k", "role", "EDITOR"))
                .json().get("secret").asString();
        assertThat(api.as(secret).get("/api/admin/me").json().get("role").asString()).isEqualTo("EDITOR");

        person("kc-demoted", "WRITER").get("/api/admin/me"); // the identity provider now says WRITER
        assertThat(api.as(secret).get("/api/admin/me").json().get("role").asString()).isEqualTo("WRITER");
        assertThat(api.as(secret).post("/api/admin/tags", Map.of("name", "وسم")).status()).isEqualTo(403);
    }

    @Test
    void aKeyWithoutAPersonBehindItMakesNoKeysUnlessItIsAnAdmins() {
        assertThat(api.as(editorKey).post("/api/admin/api-keys", Map.of("name", "x", "role", "WRITER")).status()).isEqualTo(403);
        assertThat(api.as(editorKey).get("/api/admin/api-keys").status()).isEqualTo(403);
        assertThat(api.as(adminKey).post("/api/admin/api-keys", Map.of("name", "x", "role", "EDITOR")).status()).isEqualTo(201);
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(key -> key.get("name").asString()).toList();
    }
}
