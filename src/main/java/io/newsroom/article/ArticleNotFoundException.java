package io.newsroom.article;

import io.newsroom.problem.NotFoundProblem;
import java.util.UUID;

public class ArticleNotFoundException extends NotFoundProblem {

    ArticleNotFoundException(UUID id) {
        super("article", id);
    }
}
