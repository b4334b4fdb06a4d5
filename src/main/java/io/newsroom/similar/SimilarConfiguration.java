package io.newsroom.similar;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SimilarConfiguration {

    /** Readiness ({@code similarIndex} in the readiness group): no similar list before the tag index is built. */
    @Bean
    HealthIndicator similarIndexHealthIndicator(TagIndex index) {
        return () -> index.isBuilt() ? Health.up().build() : Health.down().withDetail("reason", "the tag index is being built").build();
    }
}
