/**
 * Who makes a change ({@link io.newsroom.actor.Actor}) and the roles an API key carries.
 */
@ApplicationModule(displayName = "Actor", allowedDependencies = {})
package io.newsroom.actor;

import org.springframework.modulith.ApplicationModule;
