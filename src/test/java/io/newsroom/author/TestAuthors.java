package io.newsroom.author;

import java.time.Instant;

/** Authors for unit tests of other modules, made as the author module makes them (no database). */
public final class TestAuthors {

    private TestAuthors() {
    }

    public static Author named(String name) {
        return new Author(name, io.newsroom.text.Slugs.of(name), null, Instant.parse("2026-12-01T00:00:00Z"));
    }
}
