package io.newsroom.security;

/** An access token that is not valid here; its message says why, for the 401 problem (never the token itself). */
class InvalidTokenException extends Exception {

    InvalidTokenException(String message) {
        super(message);
    }
}
