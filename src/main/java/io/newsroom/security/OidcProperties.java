package io.newsroom.security;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signing in through the newsroom's identity provider ({@code newsroom.oidc.*}). With no issuer,
 * API keys are the only credentials, as before.
 *
 * @param issuerUri       NEWSROOM_OIDC_ISSUER_URI: the OpenID Connect issuer whose access tokens the
 *                        admin API accepts; its discovery document names the key set
 * @param audience        NEWSROOM_OIDC_AUDIENCE: when set, a token's {@code aud} must include it
 * @param rolesClaim      NEWSROOM_OIDC_ROLES_CLAIM: the claim holding the roles (a string or a list);
 *                        a dotted path reaches into nested claims ({@code realm_access.roles})
 * @param roleMapping     NEWSROOM_OIDC_ROLE_MAPPING: {@code value=ROLE,...}; without one, ADMIN, EDITOR,
 *                        WRITER and INTEGRATION map to themselves, case-insensitively
 * @param clockSkew       how far clocks may disagree when {@code exp} and {@code nbf} are checked
 * @param jwksMinRefreshInterval the least time between two fetches of the key set: a flood of tokens
 *                        naming unknown keys costs the issuer one request per interval at most
 * @param jwksMaxAge      how long a fetched key set is used before it is fetched again (an issuer that
 *                        does not answer then leaves the known keys in use)
 * @param connectTimeout  how long to wait for the issuer to accept a connection
 * @param readTimeout     how long to wait for its answer
 */
@Validated
@ConfigurationProperties("newsroom.oidc")
public record OidcProperties(
        String issuerUri,
        String audience,
        @DefaultValue("roles") String rolesClaim,
        String roleMapping,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("10s") @DurationMin(millis = 1) Duration jwksMinRefreshInterval,
        @DefaultValue("15m") @DurationMin(seconds = 1) Duration jwksMaxAge,
        @DefaultValue("2s") @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration readTimeout) {

    public OidcProperties {
        issuerUri = blankToNull(issuerUri);
        audience = blankToNull(audience);
        rolesClaim = blankToNull(rolesClaim) == null ? "roles" : rolesClaim.strip();
        roleMapping = blankToNull(roleMapping);
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("newsroom.oidc.clock-skew must not be negative");
        }
    }

    public boolean enabled() {
        return issuerUri != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
