# Varnish 7.1 in front of Newsroom, purged by surrogate key (vmod xkey, Debian's varnish-modules).
# The service sends PURGE with an xkey-purge header (NEWSROOM_CDN_PURGE=varnish,
# NEWSROOM_CDN_VARNISH_URLS) the moment a change is committed and readers' database has it.
# deploy/varnish/render-vcl.sh writes this file with another backend and more purging networks;
# the end-to-end tests (VarnishIT) and docker-compose.yml use it that way.
vcl 4.1;

import directors;
import std;
import xkey;

# The service's instances, taken in turn (render-vcl.sh writes one backend per instance).
backend newsroom {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    # Sick while the instance says it cannot serve (database unreachable, warming up): readers then
    # get what is cached, however stale (up to the service's stale-if-error), rather than errors.
    .probe = {
        .url = "/actuator/health/readiness";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# more backends below

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(newsroom);
    # more instances below
}

# Who may purge: the service's instances. render-vcl.sh adds networks after the marker.
acl purgers {
    "127.0.0.1";
    "::1";
    # purgers: more networks below
}

sub vcl_recv {
    set req.backend_hint = instances.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from " + client.ip));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        } elseif (req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "PURGE needs an xkey-purge or xkey-softpurge header"));
        }
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Only readers' pages and photos are shared; a preview is private to whoever holds its link.
    if (req.url ~ "^/api/content/preview/" ||
        req.url !~ "^/(api/content/|feeds/|sitemap\.xml|sitemap-news\.xml|sitemaps/|articles/|media/)") {
        return (pass);
    }
    # A photo's URL without a format is answered WebP or JPEG by Accept (Vary: Accept); browsers send
    # many Accept strings, so they are reduced to the one distinction the service makes, and each
    # rendition is kept twice at most. A URL with a format never varies.
    if (req.url ~ "^/media/") {
        if (req.http.Accept ~ "image/webp") {
            set req.http.Accept = "image/webp";
        } else {
            unset req.http.Accept;
        }
    }
    # Anyone who says who they are gets an answer made for them, never a shared one.
    if (req.http.Authorization || req.http.Cookie) {
        return (pass);
    }
    # While the service is up, a stale copy is served only briefly while a fresh one is fetched;
    # while it is down, as long as the response's grace (its stale-if-error) allows.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Only what the service marks public is kept; anything setting a cookie never is.
    if (beresp.http.Cache-Control !~ "(^|[ ,])public([ ,]|$)" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Errors while a stale copy exists: keep serving the copy (stale-if-error) instead.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # The keys the service sends are xkey's secondary hashes.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # stale-if-error: how long a copy may stand in while the service fails (Varnish reads max-age
    # and stale-while-revalidate itself).
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1") + "s", beresp.grace);
    }
    return (deliver);
}

sub vcl_deliver {
    # Whether this answer came from the cache: readers' tools and the tests look at it.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are this cache's business; readers have no use for them.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    unset resp.http.Edge-Cache-Tag;
}
