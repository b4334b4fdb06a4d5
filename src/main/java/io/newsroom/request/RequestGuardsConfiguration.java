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
 * needs the declared length), before the response cache and Spring Security, so that nothing
 * reads a parameter or a body the guards have not seen.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuardsConfiguration implements WebMvcConfigurer {

    static final int STRICT_QUERY_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    static final int BODY_CHARSET_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    @Bean
    FilterRegistrationBean<StrictQueryParameters> strictQueryParameters(JsonMapper json) {
        FilterRegistrationBean<StrictQueryParameters> registration = new FilterRegistrationBean<>(new StrictQueryParameters(json));
        registration.setName("strictQueryParameters");
        registration.setOrder(STRICT_QUERY_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyCharsets> bodyCharsets(JsonMapper json) {
        FilterRegistrationBean<BodyCharsets> registration = new FilterRegistrationBean<>(new BodyCharsets(json));
        registration.setName("bodyCharsets");
        registration.setOrder(BODY_CHARSET_ORDER);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SingleValuedParameters());
    }
}
