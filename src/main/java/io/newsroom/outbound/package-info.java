/** Requests the service makes of its own accord, and where they may go ({@link io.newsroom.outbound.OutboundTargets}). */
@ApplicationModule(displayName = "Outbound requests", allowedDependencies = {})
package io.newsroom.outbound;

import org.springframework.modulith.ApplicationModule;
