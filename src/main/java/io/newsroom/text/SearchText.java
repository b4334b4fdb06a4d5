package io.newsroom.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Turns text into what the full-text index stores, and a reader's query into the terms it looks for.
 *
 * <p>PostgreSQL's {@code arabic} stemmer does the stemming, but alone it misses forms a reader expects
 * to match: it keeps some clitic prefixes (لمكافحة, كمكافحة, والإرهاب stay apart from مكافحة, الإرهاب)
 * and some plurals (معلمات). So each Arabic word is indexed together with the forms left after
 * peeling, in order, a conjunction (و ف), a preposition (ب ك ل), the article (ال, or لل) and a sound
 * plural suffix (ون ين ات), and a query word matches any of its own forms. Because both sides peel
 * the same way, a prefixed query finds the bare word and a bare query finds the prefixed word.
 */
public final class SearchText {

    private static final int MIN_STEM = 3;

    private SearchText() {
    }

    /** The text to store for indexing: every word in its search form, each followed by its peeled forms. */
    public static String index(String... parts) {
        StringBuilder out = new StringBuilder();
        Consumer<String> append = form -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(form);
        };
        for (String part : parts) {
            for (String word : words(part)) {
                forEachForm(word, append);
            }
        }
        return out.toString();
    }

    /**
     * A {@code to_tsquery} expression that requires every query word, each through any of its forms:
     * {@code (وللارهاب | للارهاب | ارهاب) & (باكستان | اكستان)}. Only letters and digits reach it, so
     * user input can never inject tsquery operators; an empty result means nothing searchable was typed.
     */
    public static String tsquery(String query) {
        return words(query).stream()
                .distinct()
                .map(word -> "(" + String.join(" | ", forms(word)) + ")")
                .collect(Collectors.joining(" & "));
    }

    /**
     * Each word of a text reduced to its stem (the last of its {@link #forms}): what two headlines
     * are compared by, so "للهند" and "الهند", "بنهر" and "نهر" count as the same word.
     */
    public static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        for (String word : words(text)) {
            String stem = null;
            for (String form : forms(word)) {
                stem = form;
            }
            stems.add(stem);
        }
        return stems;
    }

    /** The words of a text in search form (normalised, split on anything that is not a letter or digit). */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String form = ArabicNormalizer.searchForm(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < form.length(); i += Character.charCount(form.codePointAt(i))) {
            boolean inWord = ArabicNormalizer.isLetterOrNumber(form.codePointAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(form.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            words.add(form.substring(start));
        }
        return words;
    }

    /** The word itself, then what is left after each peeling step (only distinct forms). */
    static Set<String> forms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forEachForm(word, forms::add);
        return forms;
    }

    /**
     * Gives each of {@link #forms} once, in order, without building a set: this runs for every word
     * of every article saved or imported. Each step only shortens the word, so a form already given
     * can only come again right after itself.
     */
    private static void forEachForm(String word, Consumer<String> forms) {
        forms.accept(word);
        if (!isArabic(word)) {
            return;
        }
        String previous = word;
        String rest = peel(word, "و", "ف");
        previous = giveIfNew(rest, previous, forms);
        if (rest.startsWith("لل") && rest.length() - 2 >= MIN_STEM) {
            rest = rest.substring(2); // ل + ال, whose alef is not written (للإرهاب = ل + الإرهاب)
        } else {
            rest = peel(rest, "ب", "ك", "ل");
            previous = giveIfNew(rest, previous, forms);
            rest = peel(rest, "ال");
        }
        previous = giveIfNew(rest, previous, forms);
        giveIfNew(peelSuffix(rest, "ون", "ين", "ات"), previous, forms);
    }

    private static String giveIfNew(String form, String previous, Consumer<String> forms) {
        if (!form.equals(previous)) {
            forms.accept(form);
        }
        return form;
    }

    private static String peel(String word, String... prefixes) {
        for (String prefix : prefixes) {
            if (word.startsWith(prefix) && word.length() - prefix.length() >= MIN_STEM) {
                return word.substring(prefix.length());
            }
        }
        return word;
    }

    private static String peelSuffix(String word, String... suffixes) {
        for (String suffix : suffixes) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= MIN_STEM) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static boolean isArabic(String word) {
        char first = word.charAt(0);
        if ((first >= '\u0621' && first <= '\u063A') || (first >= '\u0641' && first <= '\u064A')) {
            return true; // the Arabic letters, without a lookup in the table of scripts
        }
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.ARABIC;
    }
}
