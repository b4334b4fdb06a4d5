package io.newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Editors sign in through the newsroom's identity provider: a real OIDC issuer on 127.0.0.1
 * ({@link TestIssuer}) publishes its discovery document and keys, and its access tokens are sent to
 * the admin API as bearer tokens beside API keys.
 */
@ExtendWith(OutputCaptureExtension.class)
class OidcSignInIT extends IntegrationTest {

    private final TestIssuer issuer = TestIssuer.get();

    private Api as(TestIssuer.Token token) {
        return api.as(token.sign());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "EDITOR", "WRITER", "INTEGRATION"})
    void aValidTokenOfEachRoleIsThatPerson(String role) {
        TestIssuer.Token token = issuer.token().roles(List.of(role)).name("سلمى " + role);
        Api.Result me = as(token).get("/api/admin/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("type").asString()).isEqualTo("PERSON");
        assertThat(me.json().get("role").asString()).isEqualTo(role);
        assertThat(me.json().get("displayName").asString()).isEqualTo("سلمى " + role);
        assertThat(me.json().get("email").asString()).isEqualTo("editor@newsroom.example");
    }

    @Test
    void eachRoleReachesItsPartOfTheAdminApi() {
        Api editor = as(issuer.token().roles(List.of("EDITOR")));
        Api writer = as(issuer.token().roles(List.of("WRITER")));
        Api integration = as(issuer.token().roles("INTEGRATION"));
        Api admin = as(issuer.token().roles(List.of("admin")));

        String draft = ArticleFixtures.createId(writer, "مسودة كاتبة");
        assertThat(writer.post("/api/admin/articles/" + draft + "/publish", null).status()).isEqualTo(403);
        assertThat(editor.post("/api/admin/articles/" + draft + "/publish", null).status()).isEqualTo(200);
        assertThat(integration.post("/api/admin/articles", ArticleFixtures.article("x")).status()).isEqualTo(403);
        assertThat(integration.get("/api/admin/articles").status()).isEqualTo(200);
        assertThat(editor.get("/api/admin/webhooks").status()).isEqualTo(403);
        assertThat(admin.get("/api/admin/webhooks").status()).isEqualTo(200);
    }

    @Test
    void theHighestMappedRoleWinsAndUnknownValuesAreIgnored() {
        Api.Result me = as(issuer.token().roles(List.of("offline_access", "WRITER", "editor", "uma_authorization"))).get("/api/admin/me");
        assertThat(me.json().get("role").asString()).isEqualTo("EDITOR");
    }

    @Test
    void aTokenWithoutTheRolesClaimIs403NamingTheClaim() {
        Api.Result missing = as(issuer.token().roles(null)).get("/api/admin/me");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("'roles'");

        Api.Result unmapped = as(issuer.token().roles(List.of("reader", "offline_access"))).get("/api/admin/me");
        assertThat(unmapped.status()).isEqualTo(403);
        assertThat(unmapped.json().get("detail").asString()).contains("'roles'");
    }

    @Test
    void anExpiredTokenIs401() {
        Api.Result result = as(issuer.token().expiresAt(Instant.now().minus(Duration.ofMinutes(5)))).get("/api/admin/me");
        assertUnauthorized(result, "expired");
    }

    @Test
    void aTokenWithinTheClockSkewIsStillAccepted() {
        assertThat(as(issuer.token().expiresAt(Instant.now().minusSeconds(20))).get("/api/admin/me").status()).isEqualTo(200);
        assertThat(as(issuer.token().notBefore(Instant.now().plusSeconds(20))).get("/api/admin/me").status()).isEqualTo(200);
    }

    @Test
    void aTokenNotYetValidIs401() {
        Api.Result result = as(issuer.token().notBefore(Instant.now().plus(Duration.ofMinutes(10)))).get("/api/admin/me");
        assertUnauthorized(result, "not valid yet");
    }

    @Test
    void aTokenOfAnotherIssuerIs401() {
        Api.Result result = as(issuer.token().issuer("http://127.0.0.1:9/realms/elsewhere")).get("/api/admin/me");
        assertUnauthorized(result, "not issued by");
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertUnauthorized(as(issuer.token().audience("some-other-api")).get("/api/admin/me"), "aud");
        assertUnauthorized(as(issuer.token().claim("aud", null)).get("/api/admin/me"), "aud");
        assertThat(as(issuer.token().audience("account", TestIssuer.AUDIENCE)).get("/api/admin/me").status()).isEqualTo(200);
    }

    @Test
    void aTamperedTokenIs401() {
        String token = issuer.token().roles(List.of("WRITER")).sign();
        String[] parts = token.split("\\.");
        JsonNode claims = json.readTree(Base64URL.from(parts[1]).decodeToString());
        String promoted = claims.toString().replace("\"WRITER\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + Base64URL.encode(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertUnauthorized(api.as(tampered).get("/api/admin/me"), "signature");
    }

    @Test
    void anUnsignedTokenIs401() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String payload = issuer.token().roles(List.of("ADMIN")).sign().split("\\.")[1];
        assertUnauthorized(api.as(header + "." + payload + ".").get("/api/admin/me"), "not a signed JWT");
    }

    @Test
    void aTokenSignedWithTheIssuersPublicKeyAsAnHmacSecretIs401() throws Exception {
        RSAKey publicKey = issuer.signingKey().toPublicJWK();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
                JWTClaimsSet.parse(SignedJWT.parse(issuer.token().roles(List.of("ADMIN")).sign()).getPayload().toJSONObject()));
        forged.sign(new MACSigner(publicKey.toRSAPublicKey().getEncoded()));
        assertUnauthorized(api.as(forged.serialize()).get("/api/admin/me"), "HS256");
    }

    @Test
    void aTokenSignedWithAKeyTheIssuerDoesNotPublishIs401ThenKeyRotationNeedsNoRestart() {
        RSAKey next = TestIssuer.newKey("rotated-" + System.nanoTime());
        assertUnauthorized(as(issuer.token().signedWith(next)).get("/api/admin/me"), "does not publish");

        issuer.rotateTo(next);
        // the key set is fetched again for an unknown key at most once a second (newsroom.oidc.jwks-min-refresh-interval)
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(issuer.token()).get("/api/admin/me").status() == 200);
        assertThat(as(issuer.token().signedWith(next)).get("/api/admin/me").status()).isEqualTo(200);
    }

    @Test
    void aFloodOfUnknownKeyIdsFetchesTheKeySetAtMostOncePerInterval() throws Exception {
        int before = issuer.keySetRequests();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String token = issuer.token().keyId("made-up-" + i).sign();
                answers.add(pool.submit(() -> api.as(token).get("/api/admin/me").status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(issuer.keySetRequests() - before).as("fetches in %.1f s", seconds).isLessThanOrEqualTo((int) Math.ceil(seconds) + 1);
    }

    @Test
    void whileTheIssuerIsDownKnownKeysWorkAndNewKeysAre503() {
        assertThat(as(issuer.token()).get("/api/admin/me").status()).isEqualTo(200); // the current key is known
        RSAKey unseen = TestIssuer.newKey("unseen-" + System.nanoTime());
        issuer.down(true);
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> as(issuer.token().signedWith(unseen)).get("/api/admin/me").status() == 503);
            Api.Result unavailable = as(issuer.token().signedWith(unseen)).get("/api/admin/me");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.header("Content-Type")).startsWith("application/problem+json");
            assertThat(unavailable.header("Retry-After")).isNotBlank();
            assertThat(as(issuer.token()).get("/api/admin/me").status()).isEqualTo(200);
        } finally {
            issuer.down(false);
            // back to normal for the next test: an unknown key is plainly unknown again, not unavailable
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> as(issuer.token().keyId("after-outage")).get("/api/admin/me").status() == 401);
        }
    }

    @Test
    void apiKeysKeepWorkingBesideTokens() {
        Api.Result me = api.as(editorKey).get("/api/admin/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("type").asString()).isEqualTo("API_KEY");
        assertThat(me.json().get("role").asString()).isEqualTo("EDITOR");
        assertThat(me.json().get("displayName").asString()).isEqualTo("test editor");
        assertThat(api.as("nr_not-a-real-key").get("/api/admin/me").status()).isEqualTo(401);
        assertThat(api.as("eyJub3QiOiJhIHRva2VuIn0.eyJ9.c2ln").get("/api/admin/me").status()).isEqualTo(401);
    }

    @Test
    void aPersonIsRecordedOnFirstUseAndFollowsTheirTokensClaims() {
        TestIssuer.Token token = issuer.token().subject("kc-4711").name("ليلى").email("layla@newsroom.example");
        String first = as(token).get("/api/admin/me").json().get("id").asString();
        String again = as(issuer.token().subject("kc-4711").name("ليلى حسن").email("layla.hassan@newsroom.example"))
                .get("/api/admin/me").json().get("id").asString();
        assertThat(again).as("the subject, not the email, is the identity").isEqualTo(first);

        JsonNode people = api.as(adminKey).get("/api/admin/people").json().get("items");
        assertThat(people).hasSize(1);
        assertThat(people.get(0).get("displayName").asString()).isEqualTo("ليلى حسن");
        assertThat(people.get(0).get("email").asString()).isEqualTo("layla.hassan@newsroom.example");
        assertThat(people.get(0).get("subject").asString()).isEqualTo("kc-4711");
        assertThat(people.get(0).get("active").asBoolean()).isTrue();
    }

    @Test
    void tokensAreNeitherLoggedNorStored(CapturedOutput output) {
        String token = issuer.token().roles(List.of("EDITOR")).sign();
        String signature = token.substring(token.lastIndexOf('.') + 1);
        ArticleFixtures.createId(api.as(token), "خبر بتوقيع");
        api.as(issuer.token().expiresAt(Instant.now().minusSeconds(600)).sign()).get("/api/admin/me");

        assertThat(output.getAll()).doesNotContain(signature);
        Integer stored = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM audit_log WHERE details::text LIKE '%' || ? || '%')
                     + (SELECT count(*) FROM people WHERE concat(issuer, subject, display_name, email) LIKE '%' || ? || '%')""",
                Integer.class, signature, signature);
        assertThat(stored).isZero();
    }

    @Test
    void onlyAnAdminListsPeople() {
        as(issuer.token()).get("/api/admin/me");
        assertThat(as(issuer.token().roles(List.of("EDITOR"))).get("/api/admin/people").status()).isEqualTo(403);
        assertThat(api.as(editorKey).get("/api/admin/people").status()).isEqualTo(403);
        assertThat(as(issuer.token().roles(List.of("ADMIN"))).get("/api/admin/people").status()).isEqualTo(200);
    }

    @Test
    void aBadPatchOfAPersonIsA4xxProblem() {
        String id = as(issuer.token()).get("/api/admin/me").json().get("id").asString();
        Api admin = api.as(adminKey);
        assertThat(admin.patch("/api/admin/people/" + id, Map.of("active", "perhaps")).status()).isEqualTo(400);
        assertThat(admin.patch("/api/admin/people/" + id, Map.of("displayName", "x")).status()).isEqualTo(400);
        assertThat(admin.patch("/api/admin/people/" + id, "{}").status()).isEqualTo(400);
        assertThat(admin.patch("/api/admin/people/00000000-0000-0000-0000-000000000000", Map.of("active", false)).status()).isEqualTo(404);
        assertThat(admin.patch("/api/admin/people/not-a-uuid", Map.of("active", false)).status()).isEqualTo(400);
    }

    @Test
    void anAdminCannotDeactivateThemself() {
        TestIssuer.Token chief = issuer.token().roles(List.of("ADMIN"));
        String id = as(chief).get("/api/admin/me").json().get("id").asString();
        Api.Result result = as(chief).patch("/api/admin/people/" + id, Map.of("active", false));
        assertThat(result.status()).isEqualTo(409);
    }

    private static void assertUnauthorized(Api.Result result, String reason) {
        assertThat(result.status()).as(result.toString()).isEqualTo(401);
        assertThat(result.header("Content-Type")).startsWith("application/problem+json");
        assertThat(result.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(result.json().get("detail").asString()).contains(reason);
    }
}
