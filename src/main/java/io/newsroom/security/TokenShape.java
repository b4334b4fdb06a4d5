package io.newsroom.security;

/**
 * Which kind a bearer credential is, told by its shape: a JWT is three base64url parts joined by dots
 * whose header is a JSON object (so it begins "eyJ"); API keys ("nr_" and 43 base64url characters,
 * or NEWSROOM_ADMIN_KEY) are single strings. No lookup is made to tell them apart.
 */
final class TokenShape {

    private TokenShape() {
    }

    static boolean isJwt(String credential) {
        if (!credential.startsWith("eyJ")) {
            return false;
        }
        int dots = 0;
        for (int i = 0; i < credential.length(); i++) {
            char c = credential.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return dots == 2;
    }
}
