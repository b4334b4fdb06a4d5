package io.newsroom.operations;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health on the service port, where load balancers and container probes look for it
 * ({@code /actuator/health}, {@code /actuator/health/liveness}, {@code /actuator/health/readiness}),
 * while the actuator itself, with metrics and details, listens on the management port. It answers
 * the status only (200 UP, 503 DOWN or OUT_OF_SERVICE), as the actuator does for anonymous callers.
 */
@Hidden
@RestController
class ServicePortHealth {

    private static final Set<String> GROUPS = Set.of("liveness", "readiness");

    private final HealthEndpoint health;

    ServicePortHealth(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping("/actuator/health")
    ResponseEntity<Map<String, String>> health() {
        return answer(health.health());
    }

    @GetMapping("/actuator/health/{group}")
    ResponseEntity<Map<String, String>> group(@PathVariable String group) {
        HealthDescriptor descriptor = GROUPS.contains(group) ? health.healthForPath(group) : null;
        if (descriptor == null) {
            return ResponseEntity.notFound().build();
        }
        return answer(descriptor);
    }

    private static ResponseEntity<Map<String, String>> answer(HealthDescriptor descriptor) {
        Status status = descriptor.getStatus();
        boolean serving = !Status.DOWN.equals(status) && !Status.OUT_OF_SERVICE.equals(status);
        return ResponseEntity.status(serving ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).cacheControl(CacheControl.noStore())
                .body(Map.of("status", status.getCode()));
    }
}
