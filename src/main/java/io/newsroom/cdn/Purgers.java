package io.newsroom.cdn;

import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** The purger {@code newsroom.cdn.purge} chose, or none. */
final class Purgers {

    private Purgers() {
    }

    static Optional<Purger> configured(CdnProperties properties, JsonMapper json) {
        PurgeRequests requests = new PurgeRequests(properties);
        Optional<Purger> purger = switch (properties.purge()) {
            case NONE -> Optional.empty();
            case FASTLY -> Optional.of(new FastlyPurger(properties.fastly(), requests));
            case CLOUDFLARE -> Optional.of(new CloudflarePurger(properties.cloudflare(), requests, json));
            case VARNISH -> Optional.of(CachePurger.varnish(properties.varnish(), requests));
            case HTTP -> Optional.of(CachePurger.http(properties.http(), requests));
        };
        // A URL the guard refuses is a configuration error: said at startup, not at the first purge.
        switch (properties.purge()) {
            case FASTLY -> requests.to(properties.fastly().apiUrl());
            case CLOUDFLARE -> requests.to(properties.cloudflare().apiUrl());
            case VARNISH -> properties.varnish().urls().forEach(requests::to);
            case HTTP -> properties.http().urls().forEach(requests::to);
            case NONE -> {
            }
        }
        return purger;
    }
}
