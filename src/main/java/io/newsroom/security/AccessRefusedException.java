package io.newsroom.security;

/** A credential that is valid but may not be used now (its owner is deactivated): 403, not 401. */
public class AccessRefusedException extends RuntimeException {

    AccessRefusedException(String message) {
        super(message);
    }
}
