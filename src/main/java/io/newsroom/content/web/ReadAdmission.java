package io.newsroom.content.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.content.ReadAdmissionProperties;
import io.newsroom.problem.ProblemBodies;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public reads that get past the response cache (computed by the application or answered from a
 * stored rendering) are taken a few at a time ({@link ReadAdmissionProperties#permits()}), the others
 * waiting their turn in arrival order. Under more load than the processors can take, requests that all
 * share them at once make each one as slow as all of them, and the slowest far slower than the
 * median; taken in turn, a request waits for those ahead of it and then runs nearly alone, so the
 * slowest stay close to the median at about the same rate. Requests wait here holding a server
 * thread but no processor; one that cannot get its turn within the queue timeout is answered 503
 * with Retry-After (the service sheds what it cannot serve rather than holding everyone longer).
 * Writes, the admin API and previews' owners are not held: the filter is registered for the public
 * URL patterns, GET and HEAD only. Its place: {@link io.newsroom.pipeline.RequestPipeline#READ_ADMISSION}.
 */
class ReadAdmission implements Filter {

    private static final String RETRY_AFTER_SECONDS = "1";

    private final Semaphore turns;
    private final long queueTimeoutNanos;
    private final JsonMapper json;
    private final Counter refused;

    ReadAdmission(ReadAdmissionProperties properties, JsonMapper json, MeterRegistry registry) {
        this.turns = new Semaphore(properties.permits(), true); // fair: in arrival order
        this.queueTimeoutNanos = properties.queueTimeout().toNanos();
        this.json = json;
        // newsroom_reads_refused_total: public reads answered 503 because their turn did not come in time
        this.refused = Counter.builder("newsroom.reads.refused").register(registry);
        // newsroom_reads_waiting: public reads waiting for their turn now
        Gauge.builder("newsroom.reads.waiting", turns, Semaphore::getQueueLength).register(registry);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        String method = ((HttpServletRequest) servletRequest).getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        boolean admitted;
        try {
            admitted = turns.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
            admitted = false;
        }
        if (!admitted) {
            refused.increment();
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "More reads are waiting than this instance can answer in time; retry after the Retry-After header's seconds");
            problem.setTitle("Too busy");
            ProblemBodies.write(json, response, problem);
            return;
        }
        try {
            chain.doFilter(servletRequest, servletResponse);
        } finally {
            turns.release();
        }
    }
}
