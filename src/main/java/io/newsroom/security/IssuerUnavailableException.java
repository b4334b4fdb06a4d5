package io.newsroom.security;

/** The issuer's discovery document or key set could not be fetched, and the token needs a key not yet known: 503. */
class IssuerUnavailableException extends Exception {

    IssuerUnavailableException(String message) {
        super(message);
    }
}
