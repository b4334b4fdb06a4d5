package io.newsroom.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns text into what the full-text index stores, and a reader's query into the terms it looks for.
 *
 * <p>A Snowball stemmer (Lexemes) makes the terms, but alone it misses forms a reader expects to
 * match: it keeps some clitic prefixes (لمكافحة, كمكافحة, والإرهاب stay apart from مكافحة, الإرهاب)
 * and some plurals (معلمات). So each Arabic word is indexed together with the forms left after
 * peeling, in order, a conjunction (و ف), a preposition (ب ك ل), the article (ال, or لل) and a sound
 * plural suffix (ون ين ات), and a query word matches any of its own forms. Because both sides peel
 * and stem the same way, a prefixed query finds the bare word and a bare query finds the prefixed word.
 */
public final class SearchText {

    private static final int MIN_STEM = 3;
    /** PostgreSQL's limits for a tsvector: positions up to 16383, 256 of them per lexeme, lexemes under 2 KB. */
    private static final int MAX_POSITION = 16_383;
    private static final int MAX_POSITIONS_PER_LEXEME = 256;
    private static final int MAX_LEXEME_BYTES = 2_046;
    /**
     * A tsvector holds at most 1 MB of lexemes and positions (each lexeme also takes up to 3 bytes of
     * alignment and count, each position 2); a text with more is indexed up to here.
     */
    private static final int MAX_VECTOR_BYTES = 1_000_000;
    private static final int LEXEME_OVERHEAD_BYTES = 3;
    private static final int POSITION_BYTES = 2;

    /** Bounds the cache's memory: a word with its lexemes takes a few hundred bytes. */
    private static final int CACHED_WORDS = 100_000;
    /**
     * Each word's lexemes, so that a word met again is one lookup, not peeling and stemming. A news
     * archive's vocabulary repeats. Bounded by starting over when full, not by an LRU: an LRU's
     * bookkeeping on every lookup cost more than the stemming it saved, while starting over costs
     * only a short burst of stemming.
     */
    private static final Map<String, String[]> WORD_LEXEMES = new ConcurrentHashMap<>();

    private SearchText() {
    }

    /**
     * The text's {@code tsvector}, as its literal ({@code 'ايران':1,9 'خطة':2}): each word's lexemes,
     * those of its peeled forms included, at the word's position. Cast to {@code tsvector} on write;
     * PostgreSQL then only reads the literal, which costs far less than computing it with to_tsvector.
     */
    public static String vector(String... parts) {
        Map<String, Positions> lexemes = new HashMap<>(512);
        int size = 0;
        int position = 0;
        for (String part : parts) {
            for (String word : words(part)) {
                position = Math.min(position + 1, MAX_POSITION);
                for (String lexeme : lexemes(word)) {
                    Positions positions = lexemes.get(lexeme);
                    if (positions == null) {
                        int bytes = utf8Length(lexeme);
                        if (bytes > MAX_LEXEME_BYTES || size + bytes + LEXEME_OVERHEAD_BYTES + POSITION_BYTES > MAX_VECTOR_BYTES) {
                            continue;
                        }
                        size += bytes + LEXEME_OVERHEAD_BYTES;
                        positions = new Positions();
                        lexemes.put(lexeme, positions);
                    }
                    if (size + POSITION_BYTES <= MAX_VECTOR_BYTES && positions.add(position)) {
                        size += POSITION_BYTES;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(lexemes.size() * 12);
        lexemes.forEach((lexeme, positions) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            quote(lexeme, out).append(':');
            positions.appendTo(out);
        });
        return out.toString();
    }

    /**
     * A {@code tsquery} literal that requires every query word, each through the lexeme of any of its
     * forms: {@code ('باير' | 'ايران') & ('خطة')} for "بإيران خطه". Words become quoted lexemes, so
     * user input can never inject tsquery operators; an empty result means nothing searchable was typed.
     * A lexeme too long for PostgreSQL is left out as {@link #vector} leaves it out (it refuses the whole
     * query otherwise: an admin list filtered by a 5,000-letter word answered 500); a word with only such
     * lexemes counts as a stop word.
     */
    public static String tsquery(String query) {
        List<String> terms = new ArrayList<>();
        for (String word : new LinkedHashSet<>(words(query))) {
            StringBuilder term = new StringBuilder("(");
            for (String lexeme : lexemes(word)) {
                if (utf8Length(lexeme) <= MAX_LEXEME_BYTES) {
                    quote(lexeme, term.length() == 1 ? term : term.append(" | "));
                }
            }
            if (term.length() > 1) {
                terms.add(term.append(')').toString());
            }
        }
        return String.join(" & ", terms);
    }

    /** The distinct lexemes of a word's forms (its own first), none for a stop word. */
    private static String[] lexemes(String word) {
        String[] lexemes = WORD_LEXEMES.get(word);
        if (lexemes == null) {
            Set<String> distinct = new LinkedHashSet<>(8);
            forEachForm(word, form -> {
                String lexeme = Lexemes.of(form);
                if (!lexeme.isEmpty()) {
                    distinct.add(lexeme);
                }
            });
            lexemes = distinct.toArray(String[]::new);
            if (WORD_LEXEMES.size() >= CACHED_WORDS) {
                WORD_LEXEMES.clear();
            }
            WORD_LEXEMES.put(word, lexemes);
        }
        return lexemes;
    }

    private static StringBuilder quote(String lexeme, StringBuilder out) {
        out.append('\'');
        for (int i = 0; i < lexeme.length(); i++) {
            char c = lexeme.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append(c); // doubled: the literal's own escaping (words never hold these; a guard)
            }
            out.append(c);
        }
        return out.append('\'');
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The positions of one lexeme, ascending, each once, at most as many as a tsvector keeps. */
    private static final class Positions {
        private int[] values = new int[4];
        private int size;

        /** Whether it was added: not when two forms of one word share the lexeme, nor past the cap. */
        boolean add(int position) {
            if ((size > 0 && values[size - 1] == position) || size == MAX_POSITIONS_PER_LEXEME) {
                return false;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
            return true;
        }

        void appendTo(StringBuilder out) {
            for (int i = 0; i < size; i++) {
                out.append(i == 0 ? "" : ",").append(values[i]);
            }
        }
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
    public static Set<String> forms(String word) {
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
