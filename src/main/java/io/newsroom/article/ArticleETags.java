package io.newsroom.article;

import java.util.OptionalLong;

/** An article's ETag is its version, quoted: {@code "7"}. Strong, since every change bumps the version. */
public final class ArticleETags {

    private ArticleETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; empty for anything that is not one of our ETags (or {@code *}). */
    public static OptionalLong parse(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.substring(1, value.length() - 1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
