package io.newsroom.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's bytes as characters, in the charset feed readers would pick (RFC 7303, section 3): the
 * byte-order mark; else the {@code charset} of the HTTP Content-Type; else the XML declaration's
 * {@code encoding}; else UTF-8 when the bytes are valid UTF-8; else the likelier of the two charsets
 * older Arabic publishers use, windows-1256 and ISO-8859-6. The parser gets these characters, so
 * nothing downstream guesses again (Rome's XmlReader would not let the HTTP header win). Bytes the
 * chosen charset cannot decode become U+FFFD, which the mapping keeps out of anything published.
 */
final class FeedCharsets {

    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    static final Charset ISO_8859_6 = Charset.forName("ISO-8859-6");

    /** The characters, the charset they were read in, and what the poll's report should say about it. */
    record Decoded(String text, Charset charset, List<String> warnings) {
    }

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?\\bencoding\\s*=\\s*([\"'])([A-Za-z][A-Za-z0-9._:-]{0,63})\\1");

    private FeedCharsets() {
    }

    static Decoded decode(byte[] body, String contentType) {
        List<String> warnings = new ArrayList<>();
        for (Bom bom : Bom.values()) {
            if (bom.starts(body)) {
                return decoded(body, bom.bytes.length, bom.charset, "its byte-order mark", warnings);
            }
        }
        Optional<Charset> fromHeader = known(httpCharset(contentType), "The HTTP Content-Type", warnings);
        if (fromHeader.isPresent()) {
            return decoded(body, 0, fromHeader.get(), "the HTTP Content-Type", warnings);
        }
        Optional<Charset> fromDeclaration = declared(body, warnings);
        if (fromDeclaration.isPresent()) {
            return decoded(body, 0, fromDeclaration.get(), "its XML declaration", warnings);
        }
        try {
            return new Decoded(strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(body)).toString(), StandardCharsets.UTF_8, warnings);
        } catch (CharacterCodingException notUtf8) {
            Charset sniffed = arabicSingleByte(body);
            warnings.add("The feed names no charset and is not UTF-8; it was read as " + sniffed.name()
                    + ", the likelier of windows-1256 and ISO-8859-6");
            return decoded(body, 0, sniffed, "sniffing its bytes", warnings);
        }
    }

    /**
     * windows-1256 or ISO-8859-6, whichever reads as Arabic with fewer implausible characters; a tie
     * goes to windows-1256, by far the more common on the web. Read as windows-1256, ISO-8859-6 text
     * turns its commonest letters (و ي ه) into accented Latin ones; read as ISO-8859-6, windows-1256
     * text hits unassigned bytes (ف ق ك غ) and C1 controls, and ي becomes a vowel mark after a space.
     */
    static Charset arabicSingleByte(byte[] body) {
        return implausible(body, ISO_8859_6) < implausible(body, WINDOWS_1256) ? ISO_8859_6 : WINDOWS_1256;
    }

    private static int implausible(byte[] body, Charset charset) {
        String text = new String(body, charset);
        int count = 0;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c >= 0x80 && c <= 0x9F)) {
                count += 2;
            } else if (c >= 0x80 && Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                count++;
            } else if (c >= '\u064B' && c <= '\u0652' && !isArabicLetter(previous)) {
                count++; // a vowel mark with no letter to carry it
            }
            previous = c;
        }
        return count;
    }

    private static boolean isArabicLetter(char c) {
        return c >= '\u0621' && c <= '\u064A';
    }

    /** The bytes in {@code charset}; if some are not valid there, read with U+FFFD in their place, and said so. */
    private static Decoded decoded(byte[] body, int offset, Charset charset, String decidedBy, List<String> warnings) {
        ByteBuffer bytes = ByteBuffer.wrap(body, offset, body.length - offset);
        try {
            return new Decoded(strict(charset).decode(bytes).toString(), charset, warnings);
        } catch (CharacterCodingException e) {
            String text = new String(body, offset, body.length - offset, charset);
            warnings.add("Some bytes are not valid " + charset.name() + " (chosen by " + decidedBy + "); they were read as"
                    + " U+FFFD, and no item holding one is published");
            return new Decoded(text, charset, warnings);
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The {@code charset} parameter of a Content-Type header, unquoted; null when there is none. */
    static String httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String value = pair[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }

    /**
     * The XML declaration's encoding. A declaration in UTF-16 without a byte-order mark shows in its
     * zero bytes; one that names a charset its own bytes cannot be in (UTF-16 in single bytes) is wrong
     * about itself and ignored, as browsers do.
     */
    private static Optional<Charset> declared(byte[] body, List<String> warnings) {
        if (startsWith(body, 0x00, 0x3C, 0x00, 0x3F)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0x3C, 0x00, 0x3F, 0x00)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher declaration = DECLARED.matcher(head);
        if (!declaration.find()) {
            return Optional.empty();
        }
        Optional<Charset> charset = known(declaration.group(2), "The XML declaration", warnings);
        if (charset.isPresent() && !Arrays.equals("<?xml".getBytes(charset.get()), "<?xml".getBytes(StandardCharsets.US_ASCII))) {
            warnings.add("The XML declaration names " + charset.get().name() + ", which its own bytes are not in; it was ignored");
            return Optional.empty();
        }
        return charset;
    }

    /** The charset of that name if this JVM can decode it; else empty, with a warning naming who named it. */
    private static Optional<Charset> known(String name, String namedBy, List<String> warnings) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            Charset charset = Charset.forName(name.strip());
            charset.newDecoder();
            return Optional.of(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException | UnsupportedOperationException e) {
            warnings.add(namedBy + " names the charset \"" + name.strip().toLowerCase(Locale.ROOT) + "\", which is not known here; it was ignored");
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Byte-order marks, longest first (UTF-32LE's begins like UTF-16LE's). */
    private enum Bom {
        UTF_32BE(Charset.forName("UTF-32BE"), 0x00, 0x00, 0xFE, 0xFF),
        UTF_32LE(Charset.forName("UTF-32LE"), 0xFF, 0xFE, 0x00, 0x00),
        UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
        UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

        final Charset charset;
        final int[] bytes;

        Bom(Charset charset, int... bytes) {
            this.charset = charset;
            this.bytes = bytes;
        }

        boolean starts(byte[] body) {
            return startsWith(body, bytes);
        }
    }
}
