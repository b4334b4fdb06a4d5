package io.newsroom.content.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Strong ETags on every public response, computed from the body, with 304 for a matching
 * If-None-Match (Spring's ShallowEtagHeaderFilter, with a cheaper fingerprint: FastEtagFilter). CDNs revalidate cheaply and readers' browsers
 * skip bodies they already have.
 */
@Configuration(proxyBeanMethods = false)
class ContentEtagConfiguration {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> contentEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new FastEtagFilter());
        registration.addUrlPatterns("/api/content/*", "/feeds/*", "/sitemap.xml", "/sitemap-news.xml", "/sitemaps/*");
        registration.setName("contentEtags");
        return registration;
    }
}
