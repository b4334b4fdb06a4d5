package io.newsroom.security;

import io.newsroom.actor.Actor;
import org.springframework.http.HttpStatus;

/** What a bearer credential (an API key or an access token) comes to. */
sealed interface BearerOutcome {

    /** Who is calling. */
    record Accepted(Actor actor) implements BearerOutcome {
    }

    /** Refused with a problem of this status: 401 invalid, 403 not allowed in, 503 cannot be checked now. */
    record Refused(HttpStatus status, String detail) implements BearerOutcome {
    }

    /** Neither accepted nor refused here: an unknown API key, answered 401 by the entry point as always. */
    record Unknown() implements BearerOutcome {
    }
}
