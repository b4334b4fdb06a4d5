package io.newsroom.problem;

import io.newsroom.pipeline.RequestPipeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The filters that answer with a problem before any controller: a database outage, a body too large. */
@Configuration(proxyBeanMethods = false)
class ProblemFilters {

    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(JsonMapper json) {
        return RequestPipeline.DATABASE_OUTAGE_FILTER.register(new DatabaseOutageFilter(json));
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(@Value("${newsroom.max-request-bytes:4194304}") long maxBytes,
            @Value("${newsroom.media.max-bytes:40MB}") DataSize maxPhotoBytes, JsonMapper json) {
        // a photo upload carries the file and a few short form fields
        long maxUploadBytes = maxPhotoBytes.toBytes() + 64 * 1024;
        return RequestPipeline.REQUEST_SIZE_LIMIT_FILTER.register(new RequestSizeLimitFilter(maxBytes, maxUploadBytes, json));
    }
}
