package io.newsroom.security;

import io.newsroom.problem.ProblemBodies;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as RFC 9457 problem bodies, like every other error of the API. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(JsonMapper json) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"newsroom\"");
            write(json, response, HttpStatus.UNAUTHORIZED, "A valid API key or access token is required: Authorization: Bearer <key or token>");
        };
    }

    static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, exception) ->
                write(json, response, HttpStatus.FORBIDDEN, "Your role does not allow this request");
    }

    private static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemBodies.write(json, response, ProblemDetail.forStatusAndDetail(status, detail));
    }
}
