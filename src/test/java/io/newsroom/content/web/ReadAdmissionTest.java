package io.newsroom.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsroom.content.ReadAdmissionProperties;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Public reads taken a few at a time, in arrival order; one whose turn does not come in time is a 503 problem. */
class ReadAdmissionTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ReadAdmission admission = new ReadAdmission(new ReadAdmissionProperties(1, Duration.ofMillis(300)),
            JsonMapper.builder().build(), registry);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void aReadWhoseTurnDoesNotComeInTimeIsA503ProblemWithRetryAfter() throws Exception {
        CompletableFuture<MockHttpServletResponse> holding = read("GET", "/api/content/articles", true);
        awaitRunning("/api/content/articles");

        MockHttpServletResponse refused = read("GET", "/api/content/tags", false).get(5, TimeUnit.SECONDS);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":503").contains("Too busy");
        assertThat(ran).doesNotContain("/api/content/tags");
        assertThat(registry.get("newsroom.reads.refused").counter().count()).isEqualTo(1);

        assertThat(read("POST", "/api/content/articles", false).get(5, TimeUnit.SECONDS).getStatus())
                .as("only reads take turns").isEqualTo(200);
        release.countDown();
        assertThat(holding.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(read("GET", "/api/content/tags", false).get(5, TimeUnit.SECONDS).getStatus()).as("a turn is given back").isEqualTo(200);
    }

    @Test
    void waitingReadsRunInTheOrderTheyCame() throws Exception {
        MeterRegistry patientRegistry = new SimpleMeterRegistry();
        ReadAdmission patient = new ReadAdmission(new ReadAdmissionProperties(1, Duration.ofSeconds(10)), JsonMapper.builder().build(),
                patientRegistry);
        CompletableFuture<MockHttpServletResponse> holding = read(patient, "GET", "/first", true);
        awaitRunning("/first");
        List<CompletableFuture<MockHttpServletResponse>> queued = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(read(patient, "GET", "/queued-" + i, false));
            awaitWaiting(patientRegistry, i + 1);
        }
        release.countDown();
        holding.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<MockHttpServletResponse> each : queued) {
            assertThat(each.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(ran).containsExactly("/first", "/queued-0", "/queued-1", "/queued-2", "/queued-3", "/queued-4");
    }

    private CompletableFuture<MockHttpServletResponse> read(String method, String uri, boolean hold) {
        return read(admission, method, uri, hold);
    }

    /** The request through the filter on a thread of its own; the chain records it and, when {@code hold}, waits for the release. */
    private CompletableFuture<MockHttpServletResponse> read(ReadAdmission filter, String method, String uri, boolean hold) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            FilterChain chain = (request, ignored) -> {
                ran.add(uri);
                if (hold) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            try {
                filter.doFilter(new MockHttpServletRequest(method, uri), response, chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        }, runnable -> new Thread(runnable).start());
    }

    private void awaitRunning(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ran.contains(uri)) {
            assertThat(System.nanoTime()).as(uri + " runs").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void awaitWaiting(MeterRegistry registry, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (registry.get("newsroom.reads.waiting").gauge().value() < count) {
            assertThat(System.nanoTime()).as(count + " waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
