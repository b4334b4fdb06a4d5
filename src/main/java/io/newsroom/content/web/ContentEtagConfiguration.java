package io.newsroom.content.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.ReadAdmissionProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strong ETags on every public response, computed from the body, with a 304 when the request's
 * conditions hold (ContentEtagFilter). CDNs revalidate cheaply and readers' browsers skip bodies
 * they already have. And the admission of public reads to the application (ReadAdmission).
 */
@Configuration(proxyBeanMethods = false)
class ContentEtagConfiguration {

    @Bean
    FilterRegistrationBean<ContentEtagFilter> contentEtags() {
        FilterRegistrationBean<ContentEtagFilter> registration = new FilterRegistrationBean<>(new ContentEtagFilter());
        registration.addUrlPatterns(ContentCaching.PUBLIC_URL_PATTERNS);
        registration.setName("contentEtags");
        return registration;
    }

    /**
     * Public reads computed a few at a time (ReadAdmission): after the response cache (+10), whose hits
     * cost too little to queue, and before the stored renderings (+16), security and Spring MVC. Article
     * pages answered from stored renderings are admitted too, cheap as each is (one indexed read): many
     * at once on few cores wait on each other and on PostgreSQL's backends, and taken in turn their
     * slowest answers come several times sooner, at a somewhat lower rate (docs/benchmarks.md).
     */
    @Bean
    FilterRegistrationBean<ReadAdmission> readAdmission(ReadAdmissionProperties properties, JsonMapper json, MeterRegistry registry) {
        FilterRegistrationBean<ReadAdmission> registration = new FilterRegistrationBean<>(new ReadAdmission(properties, json, registry));
        registration.addUrlPatterns(ContentCaching.PUBLIC_URL_PATTERNS);
        registration.setName("readAdmission");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }
}
