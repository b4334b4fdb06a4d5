package io.newsroom.article;

import java.util.UUID;

public class ArticleNotFoundException extends RuntimeException {

    ArticleNotFoundException(UUID id) {
        super("No article with id " + id);
    }
}
