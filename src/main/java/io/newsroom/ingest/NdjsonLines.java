package io.newsroom.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-delimited JSON one line at a time from a stream, so a bulk import of any length holds
 * one line in memory. A line longer than the limit is skipped to its end and reported, not buffered.
 */
final class NdjsonLines {

    /** One line: its 1-based number, its text, or why it has none. */
    record Line(long number, String text, String problem) {
    }

    private final BufferedReader reader;
    private final int maxChars;
    private long number;

    NdjsonLines(InputStream in, int maxChars) {
        // Invalid UTF-8 becomes U+FFFD instead of failing the whole stream; the line then fails to parse or is stored as sent.
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the stream. */
    Line next() {
        try {
            StringBuilder text = new StringBuilder();
            boolean tooLong = false;
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (text.length() < maxChars) {
                    text.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c == -1 && text.isEmpty() && !tooLong) {
                return null;
            }
            number++;
            if (tooLong) {
                return new Line(number, null, "the line is longer than " + maxChars + " characters");
            }
            int end = text.length();
            if (end > 0 && text.charAt(end - 1) == '\r') {
                text.setLength(end - 1);
            }
            return new Line(number, text.toString(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
