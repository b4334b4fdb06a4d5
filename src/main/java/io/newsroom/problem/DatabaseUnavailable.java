package io.newsroom.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one decision "this failed because the database cannot be reached", and its answer: a 503
 * problem with {@code Retry-After}, never a 500. Reached through any exception chain (Spring's
 * translations, Hibernate's, the pool's timeout, the driver's connection errors), whichever layer
 * met the outage first.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait: a PostgreSQL restart or failover takes a few. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isConnectionFailure(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isCause(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        if (t instanceof SQLException sql) {
            if (sql.getSQLState() != null && isConnectionState(sql.getSQLState())) {
                return true;
            }
            // The pool's own "Connection is closed", met when a rollback runs on a connection the
            // outage broke: it carries no SQLSTATE, and it replaces the failure that came first.
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(java.util.Locale.ROOT);
            return sql.getSQLState() == null && (message.contains("connection is closed") || message.contains("has been closed"));
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), and the server shutting down or starting up (57P01-57P03). */
    private static boolean isConnectionState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    public static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached at the moment; try again in a few seconds");
        problem.setTitle("Service unavailable");
        return problem;
    }

    /**
     * When to try again, and that the answer is no page to keep: a cache holding a 503 would go on
     * answering it after the database is back (a CDN keeps its stale copy by stale-if-error instead).
     */
    public static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        headers.setCacheControl("no-store");
        return headers;
    }

    /** {@link #headers()} on a response written outside Spring MVC (by a filter). */
    public static void writeHeaders(jakarta.servlet.http.HttpServletResponse response) {
        headers().forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
    }
}
