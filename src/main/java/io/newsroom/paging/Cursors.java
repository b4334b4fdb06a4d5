package io.newsroom.paging;

import io.newsroom.problem.InvalidRequestProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursors: the sort key of the last item seen, base64url-encoded. A cursor that was
 * tampered with is a 400, never a 500 or a wrong page.
 */
public final class Cursors {

    /** The position after an item sorted by (time, id) descending. */
    public record TimeAndId(Instant time, UUID id) {
    }

    private Cursors() {
    }

    public static String encode(Instant time, UUID id) {
        return encode(time.toString() + "|" + id);
    }

    public static TimeAndId decodeTimeAndId(String cursor) {
        String[] parts = decode(cursor).split("\\|", 2);
        try {
            return new TimeAndId(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    /** The position after an item sorted by (name, id) ascending. */
    public record NameAndId(String name, UUID id) {
    }

    public static String encode(String name, UUID id) {
        return encode(id + "|" + name);
    }

    public static NameAndId decodeNameAndId(String cursor) {
        String[] parts = decode(cursor).split("\\|", 2);
        try {
            return new NameAndId(parts[1], UUID.fromString(parts[0]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    public static String encode(long id) {
        return encode(Long.toString(id));
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidRequestProblem invalid() {
        return new InvalidRequestProblem("cursor", "is not a cursor this API returned");
    }
}
