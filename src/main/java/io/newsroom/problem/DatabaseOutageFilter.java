package io.newsroom.problem;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database outage met before any controller (looking up an API key, the response cache's schedule
 * check) is the same 503 problem with {@code Retry-After} that the controllers' advice gives, instead
 * of the container's 500. A plain filter rather than a once-per-request one: it only catches, and it
 * runs before every response-cache hit, where the once-per-request bookkeeping would be most of its
 * cost. Its place: {@link io.newsroom.pipeline.RequestPipeline#DATABASE_OUTAGE_FILTER}.
 */
class DatabaseOutageFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final JsonMapper json;

    DatabaseOutageFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(servletRequest, servletResponse);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || servletResponse.isCommitted()
                    || !(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)) {
                throw e;
            }
            log.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(), e.getMessage());
            response.reset(); // what the chain had set described another answer; the 503's own headers say no cache keeps it
            DatabaseUnavailable.writeHeaders(response);
            ProblemBodies.write(json, response, DatabaseUnavailable.problem());
        }
    }
}
