/** Requests the service makes of its own accord, and where they may go ({@link io.newsroom.outbound.OutboundTargets}). */
package io.newsroom.outbound;
