package io.newsroom.media;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store photos are kept in: an S3-compatible bucket when one is configured, else the local directory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MediaConfiguration.class);

    @Bean
    MediaStore mediaStore(MediaProperties properties) {
        if (properties.s3().configured()) {
            log.info("Photos are kept in the S3 bucket {} ({})", properties.s3().bucket(),
                    properties.s3().endpoint() == null ? "AWS" : properties.s3().endpoint());
            return new S3MediaStore(properties.s3(), properties.publicBaseUrl());
        }
        Path directory = Path.of(properties.directory());
        log.info("Photos are kept in {}", directory.toAbsolutePath());
        return new LocalMediaStore(directory);
    }

    /** WebP renditions need cwebp: without it the service would answer every upload with an error, so it does not start. */
    @Bean
    WebpCheck webpCheck(MediaProperties properties, ImageEncoder encoder) {
        if (properties.webp() && !encoder.cwebpRuns()) {
            throw new IllegalStateException("WebP renditions are configured (newsroom.media.formats) but " + properties.cwebp()
                    + " does not run: install Debian's webp package (apt-get install webp), set NEWSROOM_MEDIA_CWEBP to its path,"
                    + " or set NEWSROOM_MEDIA_FORMATS=jpeg");
        }
        return new WebpCheck();
    }

    static final class WebpCheck {
    }
}
