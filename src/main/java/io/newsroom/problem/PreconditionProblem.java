package io.newsroom.problem;

import org.springframework.http.HttpStatus;

/** Conditional requests: If-Match missing (428) or stale (412, with the current version). */
public class PreconditionProblem extends ApiProblem {

    private PreconditionProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    public static PreconditionProblem required() {
        return new PreconditionProblem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required",
                "Send If-Match with the ETag of the version you edited, so that no one's change is overwritten");
    }

    public static PreconditionProblem failed(long currentVersion, String currentEtag) {
        PreconditionProblem problem = new PreconditionProblem(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                "The article changed since you read it; fetch it again and reapply your change");
        problem.with("currentVersion", currentVersion);
        problem.with("currentEtag", currentEtag);
        return problem;
    }
}
