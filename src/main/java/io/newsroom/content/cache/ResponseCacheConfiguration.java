package io.newsroom.content.cache;

import io.newsroom.content.CacheProperties;
import io.newsroom.content.ContentCaching;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ResponseCacheConfiguration {

    @Bean
    FilterRegistrationBean<ContentCacheFilter> contentResponseCacheFilter(ContentResponseCache cache, CacheProperties properties) {
        FilterRegistrationBean<ContentCacheFilter> registration = new FilterRegistrationBean<>(
                new ContentCacheFilter(cache, properties.storedRenderings()));
        registration.addUrlPatterns(ContentCaching.PUBLIC_URL_PATTERNS);
        registration.setName("contentResponseCache");
        // before Spring Security (order -100) and everything else: a hit needs none of them
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * After the response cache, the request guards and the admission of reads (+15: a stored
     * rendering is read in turn too), before security and Spring MVC (see the filter).
     */
    @Bean
    FilterRegistrationBean<StoredRenderingFilter> storedRenderingFilter(StoredRenderings renderings, CacheProperties properties) {
        FilterRegistrationBean<StoredRenderingFilter> registration = new FilterRegistrationBean<>(new StoredRenderingFilter(renderings));
        registration.addUrlPatterns("/api/content/articles/*");
        registration.setName("storedRenderings");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 16);
        registration.setEnabled(properties.storedRenderings());
        return registration;
    }

    /**
     * Readiness ({@code contentListener} in the readiness group): an instance that cannot hear
     * content changes cannot keep its caches right, and a load balancer should send readers elsewhere.
     */
    @Bean
    HealthIndicator contentListenerHealthIndicator(ContentResponseCache cache) {
        return () -> cache.isListening() ? Health.up().build()
                : Health.down().withDetail("reason", cache.isDatabaseUnreachable() ? "the database cannot be reached"
                        : "not listening for content changes").build();
    }
}
