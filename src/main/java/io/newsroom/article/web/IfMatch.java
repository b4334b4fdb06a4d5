package io.newsroom.article.web;

import io.newsroom.article.ArticleETags;
import io.newsroom.problem.PreconditionProblem;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/** Reading an article call's If-Match header into the version it names. */
final class IfMatch {

    private IfMatch() {
    }

    /**
     * For calls where a precondition is optional (lifecycle, delete, restore, read-also,
     * translations): none, or {@code *}, means "whatever the current version"; a losing call of a
     * race then gets a defined answer from the article's state (idempotent 200 or 409). A version
     * that does not match is 412.
     */
    static OptionalLong optional(String ifMatch, LongSupplier currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(required(ifMatch, currentVersion));
    }

    /** For replacing edits: If-Match must name a version (428 without one, 412 with one that cannot match). */
    static long required(String ifMatch, LongSupplier currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw PreconditionProblem.required();
        }
        OptionalLong version = ArticleETags.parse(ifMatch);
        if (version.isEmpty()) {
            long current = currentVersion.getAsLong();
            throw PreconditionProblem.failed(current, ArticleETags.of(current));
        }
        return version.getAsLong();
    }
}
