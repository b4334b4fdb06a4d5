package io.newsroom.similar;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A similar list asked for before this instance has built its tag index (its first seconds): 503, try again. */
class IndexNotReadyException extends ErrorResponseException {

    IndexNotReadyException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
        getHeaders().set("Retry-After", "5");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Similar articles are not available yet: this instance is still reading its articles' tags");
        problem.setTitle("Service Unavailable");
        return problem;
    }
}
