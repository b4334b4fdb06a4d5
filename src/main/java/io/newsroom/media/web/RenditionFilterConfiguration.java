package io.newsroom.media.web;

import io.newsroom.media.MediaFiles;
import io.newsroom.pipeline.RequestPipeline;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenditionFilterConfiguration {

    @Bean
    FilterRegistrationBean<RenditionFilter> renditionFilter(MediaFiles files) {
        return RequestPipeline.MEDIA_RENDITIONS.register(new RenditionFilter(files), "/media/*");
    }
}
