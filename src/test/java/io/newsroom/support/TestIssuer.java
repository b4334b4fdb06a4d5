package io.newsroom.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenID Connect issuer for the tests, on 127.0.0.1: its discovery document and key set
 * (JWKS) over HTTP, laid out as Keycloak lays them out, and RS256 access tokens signed with Nimbus
 * JOSE. Started once per JVM, like the test database, so every test class shares the one application
 * context that trusts it. It can rotate its key, publish keys it never signs with, and go down.
 */
public final class TestIssuer {

    /** The audience the tests' application contexts require (config/application.yml). */
    public static final String AUDIENCE = "newsroom-api";
    private static final String REALM = "/realms/newsroom";
    private static TestIssuer instance;

    private final HttpServer server;
    private final String issuer;
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger keySetRequests = new AtomicInteger();
    private volatile RSAKey signing;
    private volatile boolean down;

    private TestIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        signing = newKey("first-key");
        published.add(signing);
        server.createContext(REALM + "/.well-known/openid-configuration", exchange -> answer(exchange, """
                {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs", "id_token_signing_alg_values_supported": ["RS256"]}"""
                .formatted(issuer, issuer)));
        server.createContext(REALM + "/protocol/openid-connect/certs", exchange -> {
            keySetRequests.incrementAndGet();
            answer(exchange, new JWKSet(new ArrayList<JWK>(published)).toPublicJWKSet().toString());
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "test-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            try {
                instance = new TestIssuer();
            } catch (IOException e) {
                throw new UncheckedIOException("The test OIDC issuer did not start on 127.0.0.1", e);
            }
        }
        return instance;
    }

    /** NEWSROOM_OIDC_ISSUER_URI for the application under test. */
    public String uri() {
        return issuer;
    }

    /** A token of this issuer for a new person (its own subject), signed with the current key; change what a test needs. */
    public Token token() {
        return new Token(this);
    }

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes {@code key} beside the others and signs from now on with it: a key rotation. */
    public void rotateTo(RSAKey key) {
        published.add(key);
        signing = key;
    }

    public RSAKey signingKey() {
        return signing;
    }

    /** How often the key set has been fetched. */
    public int keySetRequests() {
        return keySetRequests.get();
    }

    /** While down, the issuer answers every request 503. */
    public void down(boolean down) {
        this.down = down;
    }

    private void answer(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** An access token being made: a valid one for a new person with the role EDITOR unless told otherwise. */
    public static final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private RSAKey key;
        private String kid;

        private Token(TestIssuer issuer) {
            Instant now = Instant.now();
            key = issuer.signing;
            claims.put("iss", issuer.issuer);
            claims.put("sub", UUID.randomUUID().toString());
            claims.put("aud", List.of(AUDIENCE));
            claims.put("iat", Date.from(now));
            claims.put("exp", Date.from(now.plus(Duration.ofMinutes(5))));
            claims.put("name", "محررة الاختبار");
            claims.put("email", "editor@newsroom.example");
            claims.put("roles", List.of("EDITOR"));
        }

        public Token subject(String subject) {
            return claim("sub", subject);
        }

        public Token name(String name) {
            return claim("name", name);
        }

        public Token email(String email) {
            return claim("email", email);
        }

        /** The top-level {@code roles} claim: a string or a list; null leaves it out. */
        public Token roles(Object roles) {
            return claim("roles", roles);
        }

        public Token issuer(String issuer) {
            return claim("iss", issuer);
        }

        public Token audience(String... audience) {
            return claim("aud", List.of(audience));
        }

        public Token expiresAt(Instant at) {
            return claim("exp", Date.from(at));
        }

        public Token notBefore(Instant at) {
            return claim("nbf", Date.from(at));
        }

        /** Any claim; null removes it. */
        public Token claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        /** Signed with this key, named by its key id (which the issuer may or may not publish). */
        public Token signedWith(RSAKey key) {
            this.key = key;
            return this;
        }

        /** Names this key id in the header whatever key signs. */
        public Token keyId(String kid) {
            this.kid = kid;
            return this;
        }

        public String subjectClaim() {
            return (String) claims.get("sub");
        }

        public String sign() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(kid != null ? kid : key.getKeyID()).build(), set.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
