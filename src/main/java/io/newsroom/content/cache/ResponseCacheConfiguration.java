package io.newsroom.content.cache;

import io.newsroom.content.CacheProperties;
import io.newsroom.content.ContentCaching;
import io.newsroom.pipeline.RequestPipeline;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResponseCacheConfiguration {

    @Bean
    FilterRegistrationBean<ContentCacheFilter> contentResponseCacheFilter(ContentResponseCache cache, CacheProperties properties) {
        return RequestPipeline.CONTENT_RESPONSE_CACHE.register(new ContentCacheFilter(cache, properties.storedRenderings()),
                ContentCaching.PUBLIC_URL_PATTERNS);
    }

    @Bean
    FilterRegistrationBean<StoredRenderingFilter> storedRenderingFilter(StoredRenderings renderings, CacheProperties properties) {
        FilterRegistrationBean<StoredRenderingFilter> registration = RequestPipeline.STORED_RENDERINGS.register(
                new StoredRenderingFilter(renderings), "/api/content/articles/*");
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
