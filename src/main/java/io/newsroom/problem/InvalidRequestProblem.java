package io.newsroom.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Validation that needs the database or several fields at once; answers like Bean Validation does. */
public class InvalidRequestProblem extends ApiProblem {

    public InvalidRequestProblem(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidRequestProblem(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields");
        with("errors", errors);
    }
}
