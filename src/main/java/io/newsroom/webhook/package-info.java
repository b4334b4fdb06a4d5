/**
 * Webhook subscriptions, and the delivery of article events to them through an outbox.
 */
@ApplicationModule(displayName = "Webhooks", allowedDependencies = {
        "article :: events",
        "audit",
        "content :: api",
        "outbound",
        "paging",
        "problem",
        "text",
        "validation",
})
package io.newsroom.webhook;

import org.springframework.modulith.ApplicationModule;
