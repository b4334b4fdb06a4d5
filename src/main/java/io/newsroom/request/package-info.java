/**
 * What every request is held to before a controller sees it: its text cleaned by the rules of
 * {@link io.newsroom.text.CleanText} (JSON strings and query parameters alike), its query string
 * decoded strictly, single-valued parameters given once, and its body in a charset that exists.
 * Each guard is one mechanism for every endpoint, so a new endpoint cannot forget it.
 */
@ApplicationModule(displayName = "Request guards", allowedDependencies = {
        "pipeline",
        "problem",
        "text",
})
package io.newsroom.request;

import org.springframework.modulith.ApplicationModule;
