package io.newsroom.content;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Caching of public responses.
 *
 * @param maxAge               how long CDNs and browsers may keep a response (Cache-Control max-age)
 * @param staleWhileRevalidate how long they may serve it stale while fetching a fresh one
 * @param staleIfError         how long they may serve it stale while this service answers errors (a database outage)
 * @param responseCache        whether this instance keeps finished responses in memory (cleared on every change)
 * @param responseCacheSize    the memory the in-process response cache may use
 * @param responseCacheTtl     the longest an entry lives even without a change (a safety net)
 * @param storedRenderings     whether articles' finished JSON and ninjs are kept in the database and an
 *                             article by slug is served from them (io.newsroom.content.cache.StoredRenderings)
 */
@Validated
@ConfigurationProperties("newsroom.cache")
public record CacheProperties(
        @DefaultValue("60s") @DurationMin(seconds = 0) Duration maxAge,
        @DefaultValue("300s") @DurationMin(seconds = 0) Duration staleWhileRevalidate,
        @DefaultValue("1d") @DurationMin(seconds = 0) Duration staleIfError,
        @DefaultValue("true") boolean responseCache,
        @DefaultValue("64MB") DataSize responseCacheSize,
        @DefaultValue("300s") @DurationMin(seconds = 1) Duration responseCacheTtl,
        @DefaultValue("true") boolean storedRenderings) {

    /** A cache of no bytes would evict every entry it takes; Bean Validation has no constraint for a DataSize. */
    public CacheProperties {
        if (responseCacheSize.toBytes() < 1) {
            throw new IllegalArgumentException("newsroom.cache.response-cache-size must be positive (e.g. 64MB), not " + responseCacheSize);
        }
    }
}
