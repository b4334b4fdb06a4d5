package io.newsroom.intake;

import io.newsroom.text.CleanText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What XML 1.0 forbids, taken out of a feed's characters before it is parsed: C0 controls other than
 * tab, newline and carriage return, U+FFFE, U+FFFF and lone surrogates, and character references to
 * them ({@code &#x1;}, {@code &#11;}). A parser must reject a document holding any of them, and one
 * stray byte in one title would cost every item of the feed, poll after poll. Working on characters,
 * not bytes, makes it the same for every charset.
 */
final class XmlForbidden {

    /** The text without them, and how many were removed. */
    record Cleaned(String text, int removed) {
    }

    private static final Pattern REFERENCE = Pattern.compile("&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));");

    private XmlForbidden() {
    }

    static Cleaned remove(String text) {
        String characters = CleanText.forXml(text);
        int removed = text.length() - characters.length();
        if (characters.indexOf("&#") < 0) {
            return new Cleaned(characters, removed);
        }
        Matcher reference = REFERENCE.matcher(characters);
        StringBuilder out = new StringBuilder(characters.length());
        int references = 0;
        while (reference.find()) {
            long codePoint = reference.group(1) != null ? Long.parseLong(reference.group(1), 16) : Long.parseLong(reference.group(2));
            if (!isXmlCharacter(codePoint)) {
                reference.appendReplacement(out, "");
                references++;
            }
        }
        reference.appendTail(out);
        return references == 0 ? new Cleaned(characters, removed) : new Cleaned(out.toString(), removed + references);
    }

    /** XML 1.0's Char production. */
    private static boolean isXmlCharacter(long c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
