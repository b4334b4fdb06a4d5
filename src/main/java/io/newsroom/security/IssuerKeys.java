package io.newsroom.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer's signing keys, found through its discovery document and kept in memory. A token
 * naming a key not yet known makes the set be fetched again (key rotation needs no restart), but
 * no more often than once per {@code minRefreshInterval}, however many such tokens arrive: a flood
 * of made-up key ids costs the issuer one request per interval. When the issuer cannot be reached,
 * tokens signed with known keys keep working; those needing a new key are answered 503 until it
 * answers again.
 */
class IssuerKeys {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);
    private static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private record Loaded(JWKSet keys, Instant at) {
    }

    private final String issuer;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration readTimeout;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;

    private volatile Loaded loaded;
    // guarded by this
    private URI jwksUri;
    private Instant lastAttempt;
    private boolean lastAttemptFailed;

    IssuerKeys(OidcProperties properties, JsonMapper json, Clock clock) {
        this.issuer = properties.issuerUri();
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.readTimeout = properties.readTimeout();
        this.minRefreshInterval = properties.jwksMinRefreshInterval();
        this.maxAge = properties.jwksMaxAge();
        this.clock = clock;
    }

    /** The keys that may have signed a token with this header (by key id, type and algorithm). */
    List<JWK> keysFor(JWSHeader header) throws IssuerUnavailableException {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (matcher == null) {
            return List.of();
        }
        JWKSelector selector = new JWKSelector(matcher);
        Loaded current = loaded;
        if (current != null) {
            List<JWK> found = selector.select(current.keys());
            if (!found.isEmpty()) {
                if (clock.instant().isAfter(current.at().plus(maxAge))) {
                    refreshQuietly(current);
                    return selector.select(loaded.keys());
                }
                return found;
            }
        }
        return selector.select(refresh(current).keys());
    }

    /** Fetches the keys ahead of the first token (at start-up), so a misconfigured issuer shows in the log at once. */
    void load() {
        refreshQuietly(loaded);
    }

    /** An old set is replaced when the issuer answers; when it does not, the known keys stay in use. */
    private void refreshQuietly(Loaded seen) {
        try {
            refresh(seen);
        } catch (IssuerUnavailableException e) {
            // logged where it failed; the keys already known go on working
        }
    }

    private synchronized Loaded refresh(Loaded seen) throws IssuerUnavailableException {
        if (loaded != seen) {
            return loaded; // fetched by another request meanwhile
        }
        Instant now = clock.instant();
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefreshInterval))) {
            if (lastAttemptFailed || loaded == null) {
                throw new IssuerUnavailableException("the identity provider did not answer a moment ago");
            }
            return loaded;
        }
        lastAttempt = now;
        try {
            JWKSet keys = JWKSet.parse(get(jwksUri()));
            loaded = new Loaded(keys, now);
            lastAttemptFailed = false;
            log.info("Signing keys of {} fetched: {}", issuer, keys.getKeys().stream().map(JWK::getKeyID).toList());
            return loaded;
        } catch (IOException | ParseException | JacksonException | IllegalStateException | IllegalArgumentException e) {
            lastAttemptFailed = true;
            log.warn("Signing keys of {} could not be fetched: {}", issuer, e.getMessage());
            throw new IssuerUnavailableException("the identity provider's keys could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastAttemptFailed = true;
            throw new IssuerUnavailableException("interrupted while fetching the identity provider's keys");
        }
    }

    /** The key set's address from the discovery document (OpenID Connect Discovery 1.0, section 4), once found. */
    private URI jwksUri() throws IOException, InterruptedException {
        if (jwksUri == null) {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            JsonNode discovery = json.readTree(get(URI.create(base + "/.well-known/openid-configuration")));
            String announced = discovery.path("issuer").asString("");
            if (!announced.equals(issuer) && !announced.equals(base)) {
                throw new IllegalStateException("the discovery document names the issuer '" + announced + "', not '" + issuer + "'");
            }
            String keys = discovery.path("jwks_uri").asString("");
            if (keys.isBlank()) {
                throw new IllegalStateException("the discovery document has no jwks_uri");
            }
            jwksUri = URI.create(keys);
        }
        return jwksUri;
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        if (response.body().length > MAX_DOCUMENT_BYTES) {
            throw new IOException(uri + " answered more than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
