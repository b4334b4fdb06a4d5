package io.newsroom.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one place where "the same word" is decided. Tag keys, slug keys and search all fold text
 * through here, so a variant spelling (إيران / ايران, مشتركة / مشتركه, إقرأ / اقرأ) can never be
 * equal in one place and different in another.
 */
public final class ArabicNormalizer {

    /*
     * The rules run as single passes over the characters rather than as regular expressions: this
     * runs over every article body that is saved, imported or searched, and a regex pass per rule
     * costs several times what one loop over the characters does.
     */

    private ArabicNormalizer() {
    }

    /**
     * The comparison key: every rule applied, including taa marbuta to heh. Used for tag keys and slug keys.
     */
    public static String key(String text) {
        return base(text).replace('\u0629', '\u0647');
    }

    /**
     * The form search indexes and queries go through. It differs from {@link #key} in one rule:
     * PostgreSQL's Arabic stemmer strips a final taa marbuta but reads a final heh as a pronoun
     * suffix, so folding ة → ه before it would split جامعة from الجامعة. Folding the other way
     * (a word-final ه → ة) keeps every variant on one stem; see ArabicSearchIT for the measured cases.
     */
    public static String searchForm(String text) {
        String base = base(text);
        if (base.indexOf('\u0647') < 0) {
            return base;
        }
        char[] chars = base.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\u0647' && (i + 1 == chars.length || !isLetterOrNumber(Character.codePointAt(chars, i + 1)))) {
                chars[i] = '\u0629'; // a word-final heh
            }
        }
        return new String(chars);
    }

    /** Unicode categories L and N ({@code [\\p{L}\\p{N}]}): the characters words are made of. */
    public static boolean isLetterOrNumber(int codePoint) {
        if (codePoint < 0x80) {
            return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z') || (codePoint >= '0' && codePoint <= '9');
        }
        if ((codePoint >= '\u0621' && codePoint <= '\u063A') || (codePoint >= '\u0641' && codePoint <= '\u064A')) {
            return true; // the Arabic letters, most of what is looked at here
        }
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * Rules shared by every form: compatibility forms unfolded, diacritics and tatweel removed,
     * alef forms (أ إ آ ٱ) to bare alef, alef maqsura to yeh, Persian and Urdu letter forms (keheh,
     * farsi yeh, heh goal, ...) to the Arabic letters they stand for, Arabic-Indic digits to ASCII,
     * Latin case folded, white space trimmed and collapsed.
     */
    static String base(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return isArabicOrAscii(text) ? baseOfArabicOrAscii(text) : baseOfAnyText(text);
    }

    /**
     * Whether the text is made only of ASCII and of Arabic-block characters that NFKC leaves alone:
     * almost every Arabic article. Left out are the marks that compose with a letter (madda and hamza
     * above and below, U+0653-U+0655), the high-hamza letters that decompose (U+0675-U+0678) and the
     * honorific marks that canonical ordering could move (U+0610-U+061A), which the stripping below
     * would not remove.
     */
    private static boolean isArabicOrAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < '\u0600' || c > '\u06FF' || (c >= '\u0610' && c <= '\u061A')
                    || (c >= '\u0653' && c <= '\u0655') || (c >= '\u0675' && c <= '\u0678'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #baseOfAnyText} in one pass, for text on which NFKC is the identity and only ASCII letters
     * have a lower case. Base forms are taken of every body saved, imported or shown as a search
     * snippet: this is several times faster (ArabicNormalizerTest checks both agree).
     */
    static String baseOfArabicOrAscii(String text) {
        char[] out = new char[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDiacritic(c) || isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                if (length == 0 || out[length - 1] != ' ') {
                    out[length++] = ' ';
                }
            } else {
                char folded = foldLetter(c);
                out[length++] = folded >= 'A' && folded <= 'Z' ? (char) (folded + ('a' - 'A')) : folded;
            }
        }
        return new String(out, 0, length).strip();
    }

    /** The rules of {@link #base} for any text. */
    static String baseOfAnyText(String text) {
        String s = stripMarks(text);
        StringBuilder folded = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            folded.append(foldLetter(s.charAt(i)));
        }
        String lower = folded.toString().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
            } else if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                out.append(' '); // a run of white space becomes one space (a space in out always ends such a run)
            }
        }
        return out.toString().strip();
    }

    /** Compatibility forms unfolded; diacritics, tatweel and invisible marks removed; letters as written. */
    static String stripMarks(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isDiacritic(c) && !isInvisible(c)) {
                out.append(c);
            }
        }
        return out.length() == s.length() ? s : out.toString();
    }

    /** Tashkeel (fathatan .. sukun, and the extended marks), superscript alef and Quranic annotation marks. */
    private static boolean isDiacritic(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u06D6' && c <= '\u06DC')
                || (c >= '\u06DF' && c <= '\u06E8') || (c >= '\u06EA' && c <= '\u06ED');
    }

    /** Tatweel (kashida) and the invisible joiners and direction marks that copy-paste drags along. */
    private static boolean isInvisible(char c) {
        return c == '\u0640' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
    }

    /** What the regex {@code \\s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static char foldLetter(char c) {
        return switch (c) {
            case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627'; // أ إ آ ٱ → ا
            case '\u0649' -> '\u064A';                               // ى → ي
            // Persian and Urdu keyboards type these for the Arabic letters they look like
            case '\u06A9', '\u06AA', '\u063B', '\u063C' -> '\u0643'; // ک ڪ ػ ؼ → ك
            case '\u06CC', '\u06D0', '\u06CD', '\u06CE', '\u06D2', '\u0620' -> '\u064A'; // ی ې ۍ ێ ے ؠ → ي
            case '\u06D3' -> '\u0626';                               // ۓ → ئ
            case '\u06C1', '\u06BE', '\u06D5', '\u06C0', '\u06C2' -> '\u0647'; // ہ ھ ە ۀ ۂ → ه
            case '\u06C3' -> '\u0629';                               // ۃ → ة
            default -> {
                if (c >= '\u0660' && c <= '\u0669') {
                    yield (char) ('0' + (c - '\u0660'));             // Arabic-Indic digits
                }
                if (c >= '\u06F0' && c <= '\u06F9') {
                    yield (char) ('0' + (c - '\u06F0'));             // Extended (Persian/Urdu) digits
                }
                yield c;
            }
        };
    }
}
