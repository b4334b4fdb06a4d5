/**
 * Where readers' queries are answered, and when a change committed on the primary can be seen there.
 * With no read replica configured, readers read the primary and every commit is visible at once.
 */
@ApplicationModule(displayName = "Read replicas", allowedDependencies = {})
package io.newsroom.replica;

import org.springframework.modulith.ApplicationModule;
