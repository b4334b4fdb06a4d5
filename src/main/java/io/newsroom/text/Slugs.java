package io.newsroom.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * URL slugs that keep Arabic letters as written ("خطة عمل مشتركة" → {@code خطة-عمل-مشتركة}) and turn
 * Latin into lower-case ASCII ("Café Society!" → {@code cafe-society}). Uniqueness is decided on the
 * slug's {@link #key}, so two spellings of one slug are one slug.
 */
public final class Slugs {

    /** Slugs longer than this are cut at a word boundary: URLs stay shareable, headlines stay recognisable. */
    public static final int MAX_LENGTH = 80;

    /** The slug of a text that has no letter or digit at all (a headline of only punctuation). */
    public static final String FALLBACK = "article";

    /** Combining marks of Latin letters (é = e + U+0301); Arabic hamza forms are not among them. */
    private static final Pattern LATIN_ACCENTS = Pattern.compile("[\\u0300-\\u036F]+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

    private Slugs() {
    }

    /** A slug for the text; never empty ({@link #FALLBACK} when the text has nothing to keep). */
    public static String of(String text) {
        String slug = slugify(text);
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** The comparison form of a slug (or of a slug typed by hand): the normaliser's key, hyphens kept. */
    public static String key(String slug) {
        return ArabicNormalizer.key(slugify(slug));
    }

    /**
     * The first of {@code base}, {@code base-2}, {@code base-3}, ... that is not taken. {@code taken}
     * is asked with slug keys, so a variant spelling of a taken slug counts as taken.
     */
    public static String unique(String base, Predicate<String> taken) {
        String candidate = base;
        for (int n = 2; taken.test(key(candidate)); n++) {
            String suffix = "-" + n;
            candidate = cut(base, MAX_LENGTH - suffix.length()) + suffix;
        }
        return candidate;
    }

    private static String slugify(String text) {
        if (text == null) {
            return "";
        }
        // Decomposing and dropping Latin accents turns "é" into "e"; recomposing restores Arabic
        // letters such as أ, which NFD splits into alef + hamza above.
        String decomposed = Normalizer.normalize(ArabicNormalizer.stripMarks(text), Normalizer.Form.NFD);
        String bare = Normalizer.normalize(LATIN_ACCENTS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
        String hyphenated = NOT_SLUG.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll("-");
        return cut(EDGE_HYPHENS.matcher(hyphenated).replaceAll(""), MAX_LENGTH);
    }

    private static String cut(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        int lastHyphen = slug.lastIndexOf('-', max);
        String head = lastHyphen > max / 2 ? slug.substring(0, lastHyphen) : slug.substring(0, max);
        return EDGE_HYPHENS.matcher(head).replaceAll("");
    }
}
