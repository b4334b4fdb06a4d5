/**
 * Who may call what: API keys, their roles, and the rules of the admin API.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {
        "actor",
        "audit",
        "paging",
        "problem",
        "text",
})
package io.newsroom.security;

import org.springframework.modulith.ApplicationModule;
