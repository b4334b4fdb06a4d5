package io.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenShapeTest {

    @Test
    void aJwtIsThreeBase64UrlPartsWithAJsonHeader() {
        assertThat(TokenShape.isJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")).isTrue();
        assertThat(TokenShape.isJwt("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")).isTrue();
    }

    @Test
    void apiKeysAndOtherStringsAreNotJwts() {
        assertThat(TokenShape.isJwt("nr_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")).isFalse();
        assertThat(TokenShape.isJwt("a-long-admin-key-from-the-environment")).isFalse();
        assertThat(TokenShape.isJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0")).isFalse();
        assertThat(TokenShape.isJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln.ZXh0cmE")).isFalse();
        assertThat(TokenShape.isJwt("eyJhbGciOiJSUzI1NiJ9.eyJzd WIiOiJ4In0.c2ln")).isFalse();
    }
}
