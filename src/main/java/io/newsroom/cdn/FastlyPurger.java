package io.newsroom.cdn;

import java.net.http.HttpRequest;
import java.util.List;

/**
 * Fastly's batch purge by surrogate key: {@code POST /service/{id}/purge} with the keys in a
 * {@code Surrogate-Key} request header (at most 256 a call), {@code Fastly-Key} the API token, and
 * {@code Fastly-Soft-Purge: 1} to mark objects stale rather than remove them.
 */
final class FastlyPurger implements Purger {

    static final int KEYS_PER_CALL = 256;

    private final CdnProperties.Fastly settings;
    private final PurgeRequests requests;

    FastlyPurger(CdnProperties.Fastly settings, PurgeRequests requests) {
        this.settings = settings;
        this.requests = requests;
    }

    @Override
    public void purge(List<String> keys) throws PurgeFailed {
        String url = settings.apiUrl().replaceAll("/+$", "") + "/service/" + settings.serviceId() + "/purge";
        for (List<String> slice : PurgeRequests.slices(keys, KEYS_PER_CALL)) {
            HttpRequest.Builder request = requests.to(url)
                    .header("Fastly-Key", settings.apiToken())
                    .header("Accept", "application/json")
                    .header("Surrogate-Key", String.join(" ", slice))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (settings.softPurge()) {
                request.header("Fastly-Soft-Purge", "1");
            }
            requests.send(request.build());
        }
    }

    @Override
    public String name() {
        return "fastly";
    }
}
