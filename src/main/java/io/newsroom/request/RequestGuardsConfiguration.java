package io.newsroom.request;

import io.newsroom.pipeline.RequestPipeline;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request guards: strict decoding of the query string and the charset of the body, as filters
 * (their places: {@link RequestPipeline#STRICT_QUERY_PARAMETERS}, {@link RequestPipeline#BODY_CHARSETS}),
 * and single-valued parameters, checked before a controller runs.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuardsConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<StrictQueryParameters> strictQueryParameters(JsonMapper json) {
        return RequestPipeline.STRICT_QUERY_PARAMETERS.register(new StrictQueryParameters(json));
    }

    @Bean
    FilterRegistrationBean<BodyCharsets> bodyCharsets(JsonMapper json) {
        return RequestPipeline.BODY_CHARSETS.register(new BodyCharsets(json));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SingleValuedParameters());
    }
}
