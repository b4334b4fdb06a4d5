package io.newsroom.content;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.hibernate.validator.constraints.time.DurationMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin reads of what readers see (the content API, feeds, sitemaps) by frontends on other
 * origins ({@code newsroom.cors.*}). The admin API never answers cross-origin requests.
 *
 * @param allowedOrigins origins (or patterns such as {@code https://*.example.com}) that may read; {@code *}: any
 * @param maxAge         how long a browser may keep a preflight's answer
 */
@Validated
@ConfigurationProperties("newsroom.cors")
public record CorsProperties(@DefaultValue("*") @NotEmpty List<@NotBlank String> allowedOrigins,
        @DefaultValue("1h") @DurationMin(seconds = 0) Duration maxAge) {
}
