/**
 * The server-rendered article page and preview page.
 */
@ApplicationModule(displayName = "Article page", allowedDependencies = {
        "content :: api",
        "preview",
        "replica",
        "similar",
})
package io.newsroom.page;

import org.springframework.modulith.ApplicationModule;
