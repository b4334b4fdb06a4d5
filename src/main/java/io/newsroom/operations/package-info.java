/** What operators run the service with: health on the service port beside the management port's actuator. */
@ApplicationModule(displayName = "Operations", allowedDependencies = {
        "content :: api",
})
package io.newsroom.operations;

import org.springframework.modulith.ApplicationModule;
