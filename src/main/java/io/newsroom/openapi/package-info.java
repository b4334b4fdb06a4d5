/**
 * The OpenAPI description of the API, with the problem responses each operation can give.
 */
@ApplicationModule(displayName = "OpenAPI description", allowedDependencies = {})
package io.newsroom.openapi;

import org.springframework.modulith.ApplicationModule;
