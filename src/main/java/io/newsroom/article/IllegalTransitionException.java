package io.newsroom.article;

import io.newsroom.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** A lifecycle step the article's current status does not allow (409, naming what is allowed). */
public class IllegalTransitionException extends ApiProblem {

    IllegalTransitionException(ArticleStatus from, ArticleStatus to) {
        super(HttpStatus.CONFLICT, "Transition not allowed",
                "An article in status " + from + " cannot become " + to + "; allowed next: " + from.next());
        with("currentStatus", from);
        with("allowedNext", from.next());
    }
}
