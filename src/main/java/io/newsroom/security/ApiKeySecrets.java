package io.newsroom.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Making and checking API key secrets. */
final class ApiKeySecrets {

    /** Secrets read "nr_" + 43 base64url characters (256 random bits), easy to spot in a leaked config. */
    static final String PREFIX = "nr_";

    private ApiKeySecrets() {
    }

    static String generate() {
        return SecretTokens.generate(PREFIX);
    }

    static String hash(String secret) {
        return SecretTokens.hash(secret);
    }

    /** Constant-time comparison of two hashes, so timing tells nothing about how much of one matched. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
