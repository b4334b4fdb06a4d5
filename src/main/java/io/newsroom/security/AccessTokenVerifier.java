package io.newsroom.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks an access token: a JWS signed with one of the issuer's published keys by an asymmetric
 * algorithm (never {@code none}, never a shared secret that a public key could be passed off as),
 * from the configured issuer, within {@code exp}/{@code nbf} give or take the clock skew, and for
 * this service when an audience is configured.
 *
 * <p>A token whose signature has been checked is remembered for a while by its SHA-256 (never the
 * token itself), so an editor's next calls cost a hash instead of a parse and an RSA verification:
 * what keeps the token path as fast as the API key's (bench/admin-auth.sh). Its time claims are
 * checked on every call all the same; a key withdrawn by the issuer is trusted as long as the key set
 * is kept anyway ({@code jwks-max-age}), which is longer.
 */
class AccessTokenVerifier {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    /** RFC 9068 access tokens say {@code at+jwt}; most providers say {@code JWT} or nothing. */
    private static final Set<JOSEObjectType> TYPES = Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
            new JOSEObjectType("application/at+jwt"));

    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private final Cache<String, JWTClaimsSet> verified = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(REMEMBERED_FOR).build();
    private final IssuerKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Clock clock;

    AccessTokenVerifier(IssuerKeys keys, OidcProperties properties, Clock clock) {
        this.keys = keys;
        this.issuer = properties.issuerUri();
        this.audience = properties.audience();
        this.skew = properties.clockSkew();
        this.clock = clock;
    }

    JWTClaimsSet verify(String token) throws InvalidTokenException, IssuerUnavailableException {
        String digest = SecretTokens.hash(token);
        JWTClaimsSet known = verified.getIfPresent(digest);
        if (known != null) {
            checkClaims(known);
            return known;
        }
        JWTClaimsSet claims = verifySignature(token);
        checkClaims(claims);
        verified.put(digest, claims);
        return claims;
    }

    private JWTClaimsSet verifySignature(String token) throws InvalidTokenException, IssuerUnavailableException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("The access token is not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new InvalidTokenException("The access token is signed with " + header.getAlgorithm() + ", which is not accepted");
        }
        if (header.getType() != null && !TYPES.contains(header.getType())) {
            throw new InvalidTokenException("The token's type (" + header.getType() + ") is not an access token's");
        }
        List<JWK> candidates = keys.keysFor(header);
        if (candidates.isEmpty()) {
            throw new InvalidTokenException("The access token is signed with a key the issuer does not publish");
        }
        if (!verifiesWithAny(jwt, candidates)) {
            throw new InvalidTokenException("The access token's signature does not verify");
        }
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("The access token's claims cannot be read");
        }
    }

    private static boolean verifiesWithAny(SignedJWT jwt, List<JWK> candidates) {
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
                        : key instanceof ECKey ec ? new ECDSAVerifier(ec) : null;
                if (verifier != null && jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException e) {
                // a key that cannot check this signature (wrong curve, too short) did not sign it
            }
        }
        return false;
    }

    /** An issuer configured as {@code https://sso.example.com/realms/x/} is the one its tokens call {@code .../realms/x}. */
    private static String withoutTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private void checkClaims(JWTClaimsSet claims) throws InvalidTokenException {
        Instant now = clock.instant();
        if (claims.getIssuer() == null || !withoutTrailingSlash(issuer).equals(withoutTrailingSlash(claims.getIssuer()))) {
            throw new InvalidTokenException("The access token was not issued by " + issuer);
        }
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new InvalidTokenException("The access token has no expiry (exp)");
        }
        if (now.isAfter(expires.toInstant().plus(skew))) {
            throw new InvalidTokenException("The access token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(skew))) {
            throw new InvalidTokenException("The access token is not valid yet (nbf)");
        }
        if (audience != null && (claims.getAudience() == null || !claims.getAudience().contains(audience))) {
            throw new InvalidTokenException("The access token is not meant for this service (aud does not name " + audience + ")");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new InvalidTokenException("The access token names no subject (sub)");
        }
    }
}
