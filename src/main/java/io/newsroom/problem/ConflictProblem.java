package io.newsroom.problem;

import org.springframework.http.HttpStatus;

/** The request is well-formed but clashes with the current state (a taken slug, a disallowed transition). */
public class ConflictProblem extends ApiProblem {

    public ConflictProblem(String detail) {
        super(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public ConflictProblem property(String name, Object value) {
        with(name, value);
        return this;
    }
}
