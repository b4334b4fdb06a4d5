package io.newsroom.content;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long CDNs and browsers may keep public responses ({@code Cache-Control: public,
 * max-age=..., stale-while-revalidate=...}).
 */
@ConfigurationProperties("newsroom.cache")
public record CacheProperties(
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("300s") Duration staleWhileRevalidate) {
}
