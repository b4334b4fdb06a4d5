package io.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsroom.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.servlet.client.RestTestClient;

class HealthIT extends IntegrationTest {

    @LocalManagementPort
    int managementPort;

    /**
     * The tests' cleaning (TRUNCATE, table by table) can deadlock with the change listener's reads;
     * PostgreSQL may cancel the listener's side, which then reconnects and reports DOWN for a moment,
     * as it would after any lost connection. Health is asked of an instance that has settled.
     */
    @BeforeEach
    void settled() {
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get().uri("/actuator/health/readiness").exchange()
                .returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    void healthIsUp() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void readinessIsUp() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void livenessIsUp() {
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void metricsAndInfoAreOnTheManagementPortAndNotOnTheServicePort() {
        RestTestClient management = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        management.get().uri("/actuator/health").exchange().expectStatus().isOk();
        management.get().uri("/actuator/info").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.build.version").isEqualTo("0.1.0-SNAPSHOT")
                .jsonPath("$.build.time").exists()
                .jsonPath("$.git.commit.id").exists();
        assertThat(managementPort).isNotEqualTo(port);
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/info").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/health/unknown").exchange().expectStatus().isNotFound();
    }

    @Test
    void openApiDocumentIsServed() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
    }
}
