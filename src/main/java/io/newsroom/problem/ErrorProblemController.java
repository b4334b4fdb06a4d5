package io.newsroom.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the servlet container forwards to when a request ends in an error without a body:
 * above all the URLs Spring Security's firewall refuses (an encoded percent sign or slash, a ".."
 * segment, a semicolon), which it answers with a bare 400. Replaces Spring Boot's default error
 * JSON, which is not a problem document. Not part of the API, so not in its OpenAPI description.
 */
@Hidden
@RestController
class ErrorProblemController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly rather than forwarded to, it is a page that does not exist.
        ProblemDetail problem = ContainerErrors.problem(code instanceof Integer status ? status : 404);
        // The URL that failed rather than this page's own, when it can be given as a URI reference.
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(new URI(uri));
            } catch (URISyntaxException e) {
                problem.setInstance(URI.create("about:blank"));
            }
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
