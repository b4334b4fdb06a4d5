package io.newsroom.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Tag;

/**
 * The rules for text that comes from outside (editors' requests, ninjs, bulk lines, feeds), owned
 * here and nowhere else. Text pasted from Word and PDFs, wire copy and other publishers' feeds
 * carries control characters, byte-order marks, noncharacters and stray direction marks; one such
 * character in a headline made every feed unreadable, so every text is cleaned on its way in:
 * <ul>
 * <li>{@link #text}: any text (bodies, excerpts, descriptions): Unicode NFC; C0 and C1 controls
 * removed except tab and newline (a carriage return becomes a newline); noncharacters, lone
 * surrogates and the byte-order mark removed;</li>
 * <li>{@link #line}: one-line text (headlines, bylines, captions): as {@link #text}, and every run of
 * white space, newlines included, becomes one space;</li>
 * <li>{@link #name}: names that become keys and slugs (tags, sources, API keys): as {@link #line},
 * and invisible format characters (direction marks and embeddings, zero-width spaces, soft hyphens)
 * removed, except a zero-width (non-)joiner between two letters, which Persian spelling needs.</li>
 * </ul>
 * Text from other systems (feed items, ninjs documents, bulk import lines) is plain text however it
 * was escaped: {@link #plainLine} and {@link #plainText} reduce what is still markup or an entity
 * after the sender's own format was decoded, then apply {@link #line} or {@link #text}.
 * Display text keeps every letter as typed; folding variant spellings is {@link ArabicNormalizer}'s job.
 * {@link #forXml} is the output side: what XML 1.0 cannot carry, for writers of feeds and sitemaps
 * whose data may predate these rules.
 */
public final class CleanText {

    /**
     * A tag of HTML's own vocabulary ({@code <b>}, {@code </a>}, {@code <br/>}, {@code <span class="x">}) or
     * a comment: a "<" before any other word ("a<b", "x < y") is a less-than sign and stays.
     */
    private static final Pattern TAG = Pattern.compile("<!--|</?([A-Za-z][A-Za-z0-9]{0,15})(?:\\s[^<>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));");
    /** Bounds the work on text escaped over and over ("&amp;amp;amp;..."): real CMSs escape twice at most. */
    private static final int MAX_UNESCAPES = 4;

    private CleanText() {
    }

    /**
     * One line of plain text from another system (a feed's title, a wire's headline or byline). Many
     * CMSs escape their HTML once more than their format needs, so a field that still holds an HTML tag
     * or an entity is read as HTML and reduced to its text, as many times as it was escaped:
     * {@code &lt;b&gt;عاجل:&lt;/b&gt; &amp;quot;قمة&amp;quot;} arrives from XML as
     * {@code <b>عاجل:</b> &quot;قمة&quot;} and ends as {@code عاجل: "قمة"}. Then {@link #line}.
     * Text with neither ("a < b", "AT&T") is only {@link #line}d.
     */
    public static String plainLine(String text) {
        String line = line(text);
        for (int round = 0; round < MAX_UNESCAPES && holdsMarkup(line); round++) {
            line = line(Jsoup.parseBodyFragment(line).body().text());
        }
        return line;
    }

    /**
     * Plain text of several lines (an excerpt, a description): as {@link #plainLine} when it holds
     * markup (its text is one line then, as a browser shows it); else {@link #text}, its lines kept.
     */
    public static String plainText(String text) {
        String cleaned = text(text);
        return holdsMarkup(cleaned) ? plainLine(cleaned) : cleaned;
    }

    /** Whether an HTML tag of the known vocabulary, a comment or a character reference is in the text. */
    static boolean holdsMarkup(String text) {
        if (text == null || text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return false;
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            if (tag.group(1) == null || Tag.isKnownTag(tag.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        Matcher entity = ENTITY.matcher(text);
        while (entity.find()) {
            if (entity.group(1) == null || Entities.isNamedEntity(entity.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** Any text; null stays null. Already-clean text is returned as it is, after one pass over it. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String kept = isClean(text) ? text : withoutDroppedCharacters(text);
        return Normalizer.isNormalized(kept, Normalizer.Form.NFC) ? kept : Normalizer.normalize(kept, Normalizer.Form.NFC);
    }

    /** One line: {@link #text} with white space collapsed to single spaces and trimmed. */
    public static String line(String text) {
        String cleaned = text(text);
        if (cleaned == null || cleaned.isEmpty()) {
            return cleaned;
        }
        StringBuilder out = new StringBuilder(cleaned.length());
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        int end = out.length();
        return (end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString());
    }

    /** A name: {@link #line} without invisible format characters (a joiner between two letters stays). */
    public static String name(String text) {
        String line = line(text);
        if (line == null || line.isEmpty()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.getType(c) != Character.FORMAT) {
                out.append(c);
            } else if ((c == '\u200C' || c == '\u200D') && i > 0 && i + 1 < line.length()
                    && Character.isLetter(line.charAt(i - 1)) && Character.isLetter(line.charAt(i + 1))) {
                out.append(c);
            }
        }
        return line(out.toString()); // a removed mark may have stood between two spaces
    }

    /** The text without what XML 1.0 forbids (controls other than tab, newline and carriage return; lone surrogates; U+FFFE, U+FFFF). */
    public static String forXml(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                    || (codePoint >= 0x20 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0xFFFD) || codePoint >= 0x10000;
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.appendCodePoint(codePoint);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@link #text} would remove or replace nothing: the common case, decided in one pass. */
    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' : c >= 0x7F && (c <= 0x9F || Character.isSurrogate(c) || c >= '\uFDD0' && (c <= '\uFDEF' || c == '\uFEFF' || c >= '\uFFFE'))) {
                return false;
            }
        }
        return true;
    }

    private static String withoutDroppedCharacters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (codePoint == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    width = 2; // CRLF is one newline
                }
            } else if (!isDropped(codePoint)) {
                out.appendCodePoint(codePoint);
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean isDropped(int codePoint) {
        return (codePoint < 0x20 && codePoint != '\t' && codePoint != '\n')
                || (codePoint >= 0x7F && codePoint <= 0x9F)
                || (codePoint >= 0xD800 && codePoint <= 0xDFFF) // a surrogate that codePointAt found unpaired
                || codePoint == 0xFEFF
                || isNoncharacter(codePoint);
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: never meant for interchange. */
    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** White space of any kind: ASCII spaces and newlines, the Unicode space separators, line and paragraph separators. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f'
                || (c >= 0x80 && (Character.getType(c) == Character.SPACE_SEPARATOR || c == '\u2028' || c == '\u2029' || c == '\u0085'));
    }
}
