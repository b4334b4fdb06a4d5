package io.newsroom.cdn;

import java.time.Duration;
import java.util.List;

/** CdnProperties as a test writes them: short timeouts and waits, one purger. */
final class CdnSettings {

    private CdnSettings() {
    }

    static CdnProperties fastly(String apiUrl, boolean soft) {
        return with(CdnProperties.Kind.FASTLY, new CdnProperties.Fastly("SU1Z0isxPaozGVKXdv0eY", "fastly-token", apiUrl, soft),
                cloudflare(null), varnish(List.of()), http(List.of(), "PURGE"));
    }

    static CdnProperties cloudflare(String apiUrl, int tagsPerCall) {
        return with(CdnProperties.Kind.CLOUDFLARE, fastly(), new CdnProperties.Cloudflare("023e105f4ecef8ad9ca31a8372d0c353", "cf-token",
                apiUrl, tagsPerCall), varnish(List.of()), http(List.of(), "PURGE"));
    }

    static CdnProperties varnish(String... urls) {
        return with(CdnProperties.Kind.VARNISH, fastly(), cloudflare(null), varnish(List.of(urls)), http(List.of(), "PURGE"));
    }

    static CdnProperties http(String method, String... urls) {
        return with(CdnProperties.Kind.HTTP, fastly(), cloudflare(null), varnish(List.of()), http(List.of(urls), method));
    }

    private static CdnProperties with(CdnProperties.Kind kind, CdnProperties.Fastly fastly, CdnProperties.Cloudflare cloudflare,
                                      CdnProperties.Varnish varnish, CdnProperties.Http http) {
        return new CdnProperties(kind, fastly, cloudflare, varnish, http, Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMillis(100), 1000, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofDays(1));
    }

    private static CdnProperties.Fastly fastly() {
        return new CdnProperties.Fastly(null, null, "https://api.fastly.com", false);
    }

    private static CdnProperties.Cloudflare cloudflare(String url) {
        return new CdnProperties.Cloudflare(null, null, url == null ? "https://api.cloudflare.com/client/v4" : url, 100);
    }

    private static CdnProperties.Varnish varnish(List<String> urls) {
        return new CdnProperties.Varnish(urls, false);
    }

    private static CdnProperties.Http http(List<String> urls, String method) {
        return new CdnProperties.Http(urls, method, "Surrogate-Key");
    }
}
