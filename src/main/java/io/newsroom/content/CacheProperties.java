package io.newsroom.content;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caching of public responses.
 *
 * @param maxAge               how long CDNs and browsers may keep a response (Cache-Control max-age)
 * @param staleWhileRevalidate how long they may serve it stale while fetching a fresh one
 * @param staleIfError         how long they may serve it stale while this service answers errors (a database outage)
 * @param responseCache        whether this instance keeps finished responses in memory (cleared on every change)
 * @param responseCacheSize    the memory the in-process response cache may use
 * @param responseCacheTtl     the longest an entry lives even without a change (a safety net)
 */
@ConfigurationProperties("newsroom.cache")
public record CacheProperties(
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("300s") Duration staleWhileRevalidate,
        @DefaultValue("1d") Duration staleIfError,
        @DefaultValue("true") boolean responseCache,
        @DefaultValue("64MB") DataSize responseCacheSize,
        @DefaultValue("300s") Duration responseCacheTtl) {
}
