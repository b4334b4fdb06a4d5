package io.newsroom.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place where "the same word" is decided. Tag keys, slug keys and search all fold text
 * through here, so a variant spelling (إيران / ايران, مشتركة / مشتركه, إقرأ / اقرأ) can never be
 * equal in one place and different in another.
 */
public final class ArabicNormalizer {

    /** Tashkeel (fathatan .. sukun, and the extended marks), superscript alef and Quranic annotation marks. */
    private static final Pattern DIACRITICS = Pattern.compile("[\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E8\\u06EA-\\u06ED]");
    /** Tatweel (kashida) and the invisible joiners and direction marks that copy-paste drags along. */
    private static final Pattern INVISIBLES = Pattern.compile("[\\u0640\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD_FINAL_HEH = Pattern.compile("\\u0647(?=[^\\p{L}\\p{N}]|$)");

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
        return WORD_FINAL_HEH.matcher(base(text)).replaceAll("\u0629");
    }

    /**
     * Rules shared by every form: compatibility forms unfolded, diacritics and tatweel removed,
     * alef forms (أ إ آ ٱ) to bare alef, alef maqsura to yeh, Arabic-Indic digits to ASCII,
     * Latin case folded, white space trimmed and collapsed.
     */
    static String base(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = stripMarks(text);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(foldLetter(s.charAt(i)));
        }
        return SPACES.matcher(out.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Compatibility forms unfolded; diacritics, tatweel and invisible marks removed; letters as written. */
    static String stripMarks(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = DIACRITICS.matcher(s).replaceAll("");
        return INVISIBLES.matcher(s).replaceAll("");
    }

    private static char foldLetter(char c) {
        return switch (c) {
            case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627'; // أ إ آ ٱ → ا
            case '\u0649' -> '\u064A';                               // ى → ي
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
