/**
 * Bean Validation constraints for values from outside: http(s) URLs and language tags.
 */
@ApplicationModule(displayName = "Validation", allowedDependencies = {})
package io.newsroom.validation;

import org.springframework.modulith.ApplicationModule;
