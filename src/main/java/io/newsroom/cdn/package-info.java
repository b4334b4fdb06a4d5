/**
 * Purging a CDN (Fastly, Cloudflare, Varnish, or any cache that takes HTTP PURGE/BAN) by surrogate
 * key the moment a change is committed: purges written by triggers in the change's transaction
 * (migration V29), sent in batches, once across instances, after readers' database has the change.
 */
@ApplicationModule(displayName = "CDN purging", allowedDependencies = {
        "content :: events",
        "outbound",
        "replica",
})
package io.newsroom.cdn;

import org.springframework.modulith.ApplicationModule;
