package io.newsroom.article;

import java.util.Set;

/** A lifecycle step the article's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final ArticleStatus from;
    private final ArticleStatus to;

    IllegalTransitionException(ArticleStatus from, ArticleStatus to) {
        super("An article in status " + from + " cannot become " + to + "; allowed next: " + from.next());
        this.from = from;
        this.to = to;
    }

    public ArticleStatus from() {
        return from;
    }

    public ArticleStatus to() {
        return to;
    }

    public Set<ArticleStatus> allowed() {
        return from.next();
    }
}
