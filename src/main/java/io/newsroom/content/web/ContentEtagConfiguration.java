package io.newsroom.content.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.ReadAdmissionProperties;
import io.newsroom.pipeline.RequestPipeline;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
        return RequestPipeline.CONTENT_ETAGS.register(new ContentEtagFilter(), ContentCaching.PUBLIC_URL_PATTERNS);
    }

    @Bean
    FilterRegistrationBean<ReadAdmission> readAdmission(ReadAdmissionProperties properties, JsonMapper json, MeterRegistry registry) {
        return RequestPipeline.READ_ADMISSION.register(new ReadAdmission(properties, json, registry), ContentCaching.PUBLIC_URL_PATTERNS);
    }
}
