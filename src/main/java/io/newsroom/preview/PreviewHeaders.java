package io.newsroom.preview;

import io.newsroom.pipeline.RequestPipeline;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer under a preview URL, found or not, is private: kept by no cache, indexed by no
 * search engine, and its token never sent on in a Referer when the reader follows a link.
 */
@Configuration(proxyBeanMethods = false)
class PreviewHeaders {

    static final String[] URL_PATTERNS = {"/api/content/preview/*", "/preview/*"};

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> previewHeadersFilter() {
        return RequestPipeline.PREVIEW_HEADERS.register(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
                response.setHeader("X-Robots-Tag", "noindex");
                response.setHeader("Referrer-Policy", "no-referrer");
                chain.doFilter(request, response);
            }
        }, URL_PATTERNS);
    }
}
