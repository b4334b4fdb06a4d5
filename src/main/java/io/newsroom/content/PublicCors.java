package io.newsroom.content;

import io.newsroom.pipeline.RequestPipeline;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for the public paths, with Spring's CorsFilter: GET and HEAD from the allowed origins,
 * preflights answered, the caching headers a frontend needs readable. It runs before the response
 * cache ({@link RequestPipeline#PUBLIC_CORS}), so a cached response gets the headers of the origin
 * asking now (the cache stores none). Only the public paths are registered: {@code /api/admin/**}
 * never answers a cross-origin request.
 */
@Configuration(proxyBeanMethods = false)
class PublicCors {

    static final List<String> PUBLIC_PATHS = List.of("/api/content/**", "/feeds/**", "/sitemap.xml", "/sitemap-news.xml", "/sitemaps/**");

    @Bean
    FilterRegistrationBean<CorsFilter> publicCorsFilter(CorsProperties properties) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(properties.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "HEAD"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_NONE_MATCH,
                HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.CACHE_CONTROL));
        configuration.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.LOCATION, HttpHeaders.AGE,
                "Surrogate-Key", "X-Newsroom-Stale"));
        configuration.setAllowCredentials(false); // public content: no cookies, no keys
        configuration.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        PUBLIC_PATHS.forEach(path -> source.registerCorsConfiguration(path, configuration));
        return RequestPipeline.PUBLIC_CORS.register(new CorsFilter(source));
    }
}
