/**
 * Cursor pagination, the shape every list of the API has.
 */
@ApplicationModule(displayName = "Paging", allowedDependencies = {
        "problem",
})
package io.newsroom.paging;

import org.springframework.modulith.ApplicationModule;
