package io.newsroom.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * NEWSROOM_OIDC_ISSUER_URI for the shared application context: the tests' own issuer
 * ({@link TestIssuer}), started before any bean is defined. API keys work beside its tokens, so the
 * tests that use keys are unaffected.
 */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testIssuer",
                Map.of("newsroom.oidc.issuer-uri", TestIssuer.get().uri())));
    }
}
