package io.newsroom.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Access tokens of the newsroom's identity provider, when NEWSROOM_OIDC_ISSUER_URI names one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${newsroom.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

    @Bean
    IssuerKeys issuerKeys(OidcProperties properties, JsonMapper json, Clock clock) {
        return new IssuerKeys(properties, json, clock);
    }

    /** The keys are fetched once the service is up, off the start-up path: an issuer that is down does not hold the start. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> issuerKeysAtStart(IssuerKeys keys) {
        return event -> {
            Thread loader = new Thread(keys::load, "issuer-keys");
            loader.setDaemon(true);
            loader.start();
        };
    }

    @Bean
    AccessTokens accessTokens(IssuerKeys keys, OidcProperties properties, People people, Clock clock) {
        return new AccessTokens(new AccessTokenVerifier(keys, properties, clock),
                new RoleClaims(properties.rolesClaim(), properties.roleMapping()), people);
    }
}
