package io.newsroom.cdn;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cloudflare's purge by cache tag: {@code POST /zones/{zone}/purge_cache} with {@code {"tags": [...]}}
 * (at most {@code tags-per-call}, 100 on every plan today), authorised by an API token. Cloudflare
 * answers 200 with {@code "success": false} for some refusals, so the body is read too.
 */
final class CloudflarePurger implements Purger {

    private final CdnProperties.Cloudflare settings;
    private final PurgeRequests requests;
    private final JsonMapper json;

    CloudflarePurger(CdnProperties.Cloudflare settings, PurgeRequests requests, JsonMapper json) {
        this.settings = settings;
        this.requests = requests;
        this.json = json;
    }

    @Override
    public void purge(List<String> keys) throws PurgeFailed {
        String url = settings.apiUrl().replaceAll("/+$", "") + "/zones/" + settings.zoneId() + "/purge_cache";
        for (List<String> slice : PurgeRequests.slices(keys, settings.tagsPerCall())) {
            HttpRequest request = requests.to(url)
                    .header("Authorization", "Bearer " + settings.apiToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("tags", slice))))
                    .build();
            String body = requests.send(request);
            JsonNode answer;
            try {
                answer = json.readTree(body);
            } catch (RuntimeException notJson) {
                throw new PurgeFailed("Cloudflare answered 2xx without JSON");
            }
            if (!answer.path("success").asBoolean(false)) {
                throw new PurgeFailed("Cloudflare did not purge: " + answer.path("errors"));
            }
        }
    }

    @Override
    public String name() {
        return "cloudflare";
    }
}
