/**
 * The request pipeline: every servlet filter a request meets, in order, each with the reason for its
 * place ({@link io.newsroom.pipeline.RequestPipeline}). The modules that own filters register them
 * through it; it depends on none of them.
 */
@ApplicationModule(displayName = "Request pipeline", allowedDependencies = {})
package io.newsroom.pipeline;

import org.springframework.modulith.ApplicationModule;
