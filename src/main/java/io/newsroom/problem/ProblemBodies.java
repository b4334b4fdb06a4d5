package io.newsroom.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem bodies as {@link ProblemHandler} writes them, for the places its advice does not reach:
 * servlet filters and Spring Security's entry points, which answer before any controller runs.
 */
public final class ProblemBodies {

    private ProblemBodies() {
    }

    /** The body of an {@link ApiProblem}: status, title, detail and its properties. */
    public static ProblemDetail of(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.title());
        problem.properties().forEach(body::setProperty);
        return body;
    }

    /** Writes the problem as the whole response (status, {@code application/problem+json}, body). */
    public static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}
