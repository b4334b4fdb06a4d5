/**
 * Who makes a change ({@link io.newsroom.actor.Actor}: a person, an API key or the system) and the roles they carry.
 */
@ApplicationModule(displayName = "Actor", allowedDependencies = {})
package io.newsroom.actor;

import org.springframework.modulith.ApplicationModule;
