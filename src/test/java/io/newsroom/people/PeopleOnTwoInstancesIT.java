package io.newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import io.newsroom.support.TestIssuer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on one database, the second set up as for Keycloak: roles in the
 * nested claim {@code realm_access.roles}, mapped from the realm's role names. A person deactivated
 * on one is refused on both, from the moment the change is answered.
 */
class PeopleOnTwoInstancesIT extends IntegrationTest {

    private static SecondInstance keycloakStyle;

    private final TestIssuer issuer = TestIssuer.get();

    @BeforeAll
    static void startTheSecondInstance() {
        keycloakStyle = SecondInstance.start("--newsroom.oidc.issuer-uri=" + TestIssuer.get().uri(),
                "--newsroom.oidc.roles-claim=realm_access.roles",
                "--newsroom.oidc.role-mapping=newsroom-writers=WRITER, newsroom-editors=EDITOR,newsroom-admins=ADMIN");
    }

    @AfterAll
    static void stopTheSecondInstance() {
        keycloakStyle.close();
    }

    private Api second(String credential) {
        return new Api(keycloakStyle.port(), json).as(credential);
    }

    /** A token both instances read: a top-level {@code roles} claim for the first, Keycloak's nested one for the second. */
    private TestIssuer.Token editor(String subject) {
        return issuer.token().subject(subject).roles(List.of("EDITOR"))
                .claim("realm_access", Map.of("roles", List.of("newsroom-editors", "offline_access")));
    }

    @Test
    void aNestedRolesClaimIsReadThroughItsDottedPathAndMapped() {
        Api.Result me = second(issuer.token().roles(null).claim("realm_access", Map.of("roles", List.of("newsroom-admins"))).sign())
                .get("/api/admin/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");

        Api.Result asString = second(issuer.token().roles(null).claim("realm_access", Map.of("roles", "newsroom-writers")).sign())
                .get("/api/admin/me");
        assertThat(asString.json().get("role").asString()).isEqualTo("WRITER");

        // with a mapping, only the mapped values count: the role names themselves are nothing there
        Api.Result unmapped = second(issuer.token().roles(null).claim("realm_access", Map.of("roles", List.of("ADMIN"))).sign())
                .get("/api/admin/me");
        assertThat(unmapped.status()).isEqualTo(403);
        assertThat(unmapped.json().get("detail").asString()).contains("'realm_access.roles'");

        Api.Result missing = second(issuer.token().sign()).get("/api/admin/me");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().get("detail").asString()).contains("'realm_access.roles'");
    }

    @Test
    void aDeactivatedPersonIsRefusedAtOnceOnEveryInstanceAndComesBackWhenReactivated() {
        String token = editor("kc-deactivated").sign();
        String id = api.as(token).get("/api/admin/me").json().get("id").asString();
        assertThat(second(token).get("/api/admin/articles").status()).isEqualTo(200);

        Api.Result deactivated = api.as(adminKey).patch("/api/admin/people/" + id, Map.of("active", false));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();

        // no waiting: the very next request on either instance is refused
        for (Api instance : List.of(second(token), api.as(token))) {
            Api.Result refused = instance.get("/api/admin/articles");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("deactivated");
        }
        String fresh = editor("kc-deactivated").sign();
        assertThat(second(fresh).get("/api/admin/me").status()).as("a new token of theirs too").isEqualTo(403);

        assertThat(second(adminKey).patch("/api/admin/people/" + id, Map.of("active", true)).status()).isEqualTo(200);
        assertThat(api.as(token).get("/api/admin/articles").status()).isEqualTo(200);
        assertThat(second(token).get("/api/admin/articles").status()).isEqualTo(200);

        List<String> actions = api.as(adminKey).get("/api/admin/audit").json().get("items").valueStream()
                .map(entry -> entry.get("action").asString()).toList();
        assertThat(actions).contains("person.deactivated", "person.reactivated");
    }

    @Test
    void aDeactivatedPersonsKeysStopOnEveryInstance() {
        String token = editor("kc-key-owner").sign();
        String id = api.as(token).get("/api/admin/me").json().get("id").asString();
        String key = second(token).post("/api/admin/api-keys", Map.of("name", "my desk tool", "role", "WRITER")).json().get("secret").asString();
        assertThat(api.as(key).get("/api/admin/articles").status()).isEqualTo(200);

        assertThat(second(adminKey).patch("/api/admin/people/" + id, Map.of("active", false)).status()).isEqualTo(200);
        assertThat(api.as(key).get("/api/admin/articles").status()).isEqualTo(403);
        assertThat(second(key).get("/api/admin/articles").status()).isEqualTo(403);
    }
}
