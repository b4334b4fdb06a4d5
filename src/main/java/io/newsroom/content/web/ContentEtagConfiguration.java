package io.newsroom.content.web;

import io.newsroom.content.ContentCaching;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strong ETags on every public response, computed from the body, with a 304 when the request's
 * conditions hold (ContentEtagFilter). CDNs revalidate cheaply and readers' browsers skip bodies
 * they already have.
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
}
