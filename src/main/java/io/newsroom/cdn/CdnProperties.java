package io.newsroom.cdn;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which CDN is purged and how ({@code newsroom.cdn.*}; {@code NEWSROOM_CDN_PURGE} and friends).
 *
 * @param purge          which purger: none (no CDN, nothing is written), fastly, cloudflare, varnish or http
 * @param fastly         Fastly's service and API token
 * @param cloudflare     Cloudflare's zone and API token
 * @param varnish        the Varnish servers, each purged by xkey
 * @param http           any other cache: a PURGE or BAN request to each URL
 * @param connectTimeout how long to wait for the CDN to accept a connection
 * @param readTimeout    how long to wait for its answer; a slower one counts as failed and is retried
 * @param pollInterval   how often each instance looks for due purges (a change heard on the database wakes it at once)
 * @param batchSize      purges taken at once; their keys, without repeats, go out in as few calls as the CDN allows
 * @param initialBackoff wait before a failed purge is tried again; each further wait doubles
 * @param maxBackoff     the longest wait between two attempts (a purge is retried until it lands or expires)
 * @param expireAfter    a purge not sent by then is dropped: by then the CDN's copies have expired anyway
 */
@Validated
@ConfigurationProperties("newsroom.cdn")
public record CdnProperties(
        @DefaultValue("none") Kind purge,
        @DefaultValue Fastly fastly,
        @DefaultValue Cloudflare cloudflare,
        @DefaultValue Varnish varnish,
        @DefaultValue Http http,
        @DefaultValue("2s") @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration readTimeout,
        @DefaultValue("500ms") @DurationMin(millis = 10) Duration pollInterval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int batchSize,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration initialBackoff,
        @DefaultValue("60s") @DurationMin(millis = 1) Duration maxBackoff,
        @DefaultValue("1d") @DurationMin(seconds = 1) Duration expireAfter) {

    public enum Kind { NONE, FASTLY, CLOUDFLARE, VARNISH, HTTP }

    /**
     * @param apiUrl    Fastly's API (a setting so tests can stand in for it)
     * @param softPurge mark objects stale rather than remove them: the CDN keeps serving them while it refetches
     */
    public record Fastly(String serviceId, String apiToken, @DefaultValue("https://api.fastly.com") String apiUrl,
                         @DefaultValue("false") boolean softPurge) {
    }

    /** @param tagsPerCall Cloudflare takes at most 100 tags in one purge_cache call */
    public record Cloudflare(String zoneId, String apiToken, @DefaultValue("https://api.cloudflare.com/client/v4") String apiUrl,
                             @DefaultValue("100") @Min(1) @Max(1000) int tagsPerCall) {
    }

    /** @param urls each Varnish, e.g. http://varnish-1:6081/ (deploy/varnish/newsroom.vcl takes PURGE with an xkey-purge header) */
    public record Varnish(@DefaultValue List<String> urls, @DefaultValue("false") boolean softPurge) {
    }

    /**
     * @param urls   each cache to tell
     * @param method PURGE or BAN
     * @param header the request header that carries the keys, space-separated
     */
    public record Http(@DefaultValue List<String> urls, @DefaultValue("PURGE") String method, @DefaultValue("Surrogate-Key") String header) {
    }

    /** What one annotation cannot say: the settings the chosen purger needs. */
    public CdnProperties {
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("newsroom.cdn.max-backoff (" + maxBackoff + ") must not be shorter than initial-backoff ("
                    + initialBackoff + ")");
        }
        switch (purge) {
            case FASTLY -> {
                required("newsroom.cdn.fastly.service-id (NEWSROOM_CDN_FASTLY_SERVICE_ID)", fastly.serviceId());
                required("newsroom.cdn.fastly.api-token (NEWSROOM_CDN_FASTLY_API_TOKEN)", fastly.apiToken());
            }
            case CLOUDFLARE -> {
                required("newsroom.cdn.cloudflare.zone-id (NEWSROOM_CDN_CLOUDFLARE_ZONE_ID)", cloudflare.zoneId());
                required("newsroom.cdn.cloudflare.api-token (NEWSROOM_CDN_CLOUDFLARE_API_TOKEN)", cloudflare.apiToken());
            }
            case VARNISH -> {
                if (varnish.urls().isEmpty()) {
                    throw new IllegalArgumentException("NEWSROOM_CDN_PURGE=varnish needs NEWSROOM_CDN_VARNISH_URLS (comma-separated)");
                }
            }
            case HTTP -> {
                if (http.urls().isEmpty()) {
                    throw new IllegalArgumentException("NEWSROOM_CDN_PURGE=http needs NEWSROOM_CDN_HTTP_URLS (comma-separated)");
                }
                if (!http.method().equals("PURGE") && !http.method().equals("BAN")) {
                    throw new IllegalArgumentException("newsroom.cdn.http.method must be PURGE or BAN, not " + http.method());
                }
            }
            case NONE -> {
            }
        }
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The CDN purger chosen needs " + name);
        }
    }

    /** The wait after attempt {@code attempt} (1-based) failed: initialBackoff × 2^(attempt-1), capped. */
    Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
