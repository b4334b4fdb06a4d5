package io.newsroom.cdn;

import java.net.http.HttpRequest;
import java.util.List;

/**
 * Caches we run ourselves, each told in turn: Varnish by xkey ({@code PURGE} with an
 * {@code xkey-purge} or {@code xkey-softpurge} header, as deploy/varnish/newsroom.vcl takes it), or any
 * other cache with a {@code PURGE} or {@code BAN} carrying the keys in a configured header. All of
 * them must confirm: one that missed a purge would serve the old page, so the whole batch is retried
 * (purging again what another already dropped costs nothing).
 */
final class CachePurger implements Purger {

    /** Varnish's default limit on a request header is 8 KB: a few hundred keys a request stays well under it. */
    static final int KEYS_PER_CALL = 100;

    private final String name;
    private final List<String> urls;
    private final String method;
    private final String header;
    private final PurgeRequests requests;

    private CachePurger(String name, List<String> urls, String method, String header, PurgeRequests requests) {
        this.name = name;
        this.urls = urls;
        this.method = method;
        this.header = header;
        this.requests = requests;
    }

    static CachePurger varnish(CdnProperties.Varnish settings, PurgeRequests requests) {
        return new CachePurger("varnish", settings.urls(), "PURGE", settings.softPurge() ? "xkey-softpurge" : "xkey-purge", requests);
    }

    static CachePurger http(CdnProperties.Http settings, PurgeRequests requests) {
        return new CachePurger("http", settings.urls(), settings.method(), settings.header(), requests);
    }

    @Override
    public void purge(List<String> keys) throws PurgeFailed {
        StringBuilder failed = new StringBuilder();
        for (String url : urls) {
            try {
                for (List<String> slice : PurgeRequests.slices(keys, KEYS_PER_CALL)) {
                    requests.send(requests.to(url).header(header, String.join(" ", slice))
                            .method(method, HttpRequest.BodyPublishers.noBody()).build());
                }
            } catch (PurgeFailed e) {
                failed.append(failed.isEmpty() ? "" : "; ").append(e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new PurgeFailed(failed.toString());
        }
    }

    @Override
    public String name() {
        return name;
    }
}
