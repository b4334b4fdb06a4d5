package io.newsroom.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem documents for errors raised outside the controllers, where no exception handler
 * runs: by the servlet container, or by Spring Security's firewall before any filter of ours.
 */
final class ContainerErrors {

    private ContainerErrors() {
    }

    static ProblemDetail problem(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request's URL or headers cannot be accepted: for example invalid percent-encoding, an"
                    + " encoded slash or percent sign, a '..' segment, a semicolon, or a URL or header that is too long";
            case NOT_FOUND -> "Nothing is at this URL";
            case METHOD_NOT_ALLOWED -> "This URL does not accept this method";
            case INTERNAL_SERVER_ERROR -> "An unexpected error occurred";
            default -> status.getReasonPhrase();
        };
    }
}
