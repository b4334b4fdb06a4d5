package io.newsroom.request;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guards of this package, in the order a request meets them: after the size limit (which
 * needs the declared length) and after the response cache, before Spring Security and everything
 * else, so that nothing reads a parameter or a body the guards have not seen. The cache comes
 * first because it reads only the raw query string, and holds only URLs that were answered 200:
 * a cache hit never needs decoding again (decoding first cost a cached list with query parameters
 * a noticeable share of its rate).
 */
@Configuration(proxyBeanMethods = false)
class RequestGuardsConfiguration implements WebMvcConfigurer {

    static final int STRICT_QUERY_ORDER = Ordered.HIGHEST_PRECEDENCE + 12; // the response cache is + 10, the size limit + 11
    static final int BODY_CHARSET_ORDER = Ordered.HIGHEST_PRECEDENCE + 13;

    @Bean
    FilterRegistrationBean<StrictQueryParameters> strictQueryParameters(JsonMapper json) {
        return registered(new StrictQueryParameters(json), "strictQueryParameters", STRICT_QUERY_ORDER);
    }

    @Bean
    FilterRegistrationBean<BodyCharsets> bodyCharsets(JsonMapper json) {
        return registered(new BodyCharsets(json), "bodyCharsets", BODY_CHARSET_ORDER);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registered(F filter, String name, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setOrder(order);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SingleValuedParameters());
    }
}
