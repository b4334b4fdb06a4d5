/**
 * The real PostgreSQL started from the embedded binaries when no database is configured.
 */
@ApplicationModule(displayName = "Embedded database", allowedDependencies = {})
package io.newsroom.database;

import org.springframework.modulith.ApplicationModule;
