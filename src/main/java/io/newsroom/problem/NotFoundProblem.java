package io.newsroom.problem;

import org.springframework.http.HttpStatus;

public class NotFoundProblem extends ApiProblem {

    public NotFoundProblem(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "Not found", "No " + what + " with id " + id);
    }

    public NotFoundProblem(String detail) {
        super(HttpStatus.NOT_FOUND, "Not found", detail);
    }
}
