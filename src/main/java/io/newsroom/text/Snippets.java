package io.newsroom.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * A search hit's snippet: the passages of a text around the words a reader searched for, each such
 * word wrapped in {@code <mark>}, as HTML. A word counts as found when it shares a search form with
 * a query word (SearchText: the normaliser and clitic peeling), so "والإرهاب" is marked for the query
 * "ارهاب" as the index matched it. Made here rather than by PostgreSQL's ts_headline, which parses
 * and stems each hit's whole body again in the database, the part that does not scale out.
 */
public final class Snippets {

    private static final int WORDS_BEFORE_MATCH = 5;
    private static final String DELIMITER = " … ";

    private Snippets() {
    }

    /**
     * Up to {@code maxFragments} passages of {@code wordsPerFragment} words, each starting a few
     * words before a match; the text's opening words when nothing in it matches (the hit was found
     * by its headline).
     */
    public static String of(String text, String query, int maxFragments, int wordsPerFragment) {
        if (text == null || text.isBlank()) {
            return "";
        }
        Matches matches = new Matches(text, query);
        if (matches.count() == 0) {
            return "";
        }
        List<String> fragments = new ArrayList<>();
        int coveredUntil = -1;
        for (int i = 0; i < matches.count() && fragments.size() < maxFragments; i++) {
            if (matches.found(i) && i > coveredUntil) {
                int first = Math.max(coveredUntil + 1, i - WORDS_BEFORE_MATCH);
                int last = Math.min(matches.count(), first + wordsPerFragment) - 1;
                fragments.add(fragment(text, matches, first, last));
                coveredUntil = last;
            }
        }
        if (fragments.isEmpty()) {
            fragments.add(fragment(text, matches, 0, Math.min(matches.count(), wordsPerFragment) - 1));
        }
        return String.join(DELIMITER, fragments);
    }

    /**
     * The text of sanitised body HTML: tags become spaces, entities their characters. A tenth of the
     * cost of building a jsoup document for it, which matters for the ten hits of every search page.
     */
    public static String plainText(String html) {
        if (html == null || html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html == null ? "" : html;
        }
        StringBuilder text = new StringBuilder(html.length());
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                inTag = true;
                text.append(' ');
            } else if (c == '>' && inTag) {
                inTag = false;
            } else if (!inTag) {
                text.append(c);
            }
        }
        return Parser.unescapeEntities(text.toString(), false);
    }

    /** A character of a word as written: a letter with its marks (tashkeel), a digit, tatweel. */
    private static boolean isWritten(int codePoint) {
        if (ArabicNormalizer.isLetterOrNumber(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Words first..last with what lies between them, escaped, the found ones marked. */
    private static String fragment(String text, Matches matches, int first, int last) {
        StringBuilder out = new StringBuilder();
        for (int i = first; i <= last; i++) {
            if (i > first) {
                out.append(Entities.escape(text.substring(matches.end(i - 1), matches.start(i))));
            }
            String escaped = Entities.escape(text.substring(matches.start(i), matches.end(i)));
            out.append(matches.found(i) ? "<mark>" + escaped + "</mark>" : escaped);
        }
        return out.toString();
    }

    /**
     * The written words of a text and which of them share a search form with the query. Words are
     * normalised a batch at a time, only as far as they are asked about: a snippet needs the first
     * two matches and the words around them, and normalising the whole body was most of a
     * snippet's cost. A batch at once is far cheaper than word by word;
     * when it splits the batch into the same number of words (it almost always does), its words
     * stand for the written ones, in order.
     */
    private static final class Matches {

        private static final int BATCH = 48;

        private final String text;
        private final Set<String> wanted = new HashSet<>();
        private final String[] parts;
        private final List<int[]> words = new ArrayList<>(); // start, end of each written word
        private final BitSet found = new BitSet();
        private int checked;

        Matches(String text, String query) {
            this.text = text;
            SearchText.words(query).forEach(word -> wanted.addAll(SearchText.forms(word)));
            this.parts = wanted.toArray(String[]::new);
            int start = -1;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                boolean inWord = isWritten(text.codePointAt(i));
                if (inWord && start < 0) {
                    start = i;
                } else if (!inWord && start >= 0) {
                    words.add(new int[] {start, i});
                    start = -1;
                }
            }
            if (start >= 0) {
                words.add(new int[] {start, text.length()});
            }
        }

        int count() {
            return words.size();
        }

        int start(int word) {
            return words.get(word)[0];
        }

        int end(int word) {
            return words.get(word)[1];
        }

        boolean found(int word) {
            while (checked <= word) {
                checkBatch();
            }
            return found.get(word);
        }

        private void checkBatch() {
            int first = checked;
            int last = Math.min(words.size(), first + BATCH) - 1;
            List<String> normalised = SearchText.words(text.substring(start(first), end(last)));
            for (int i = first; i <= last; i++) {
                boolean matches = normalised.size() == last - first + 1
                        ? matches(normalised.get(i - first))
                        : SearchText.words(text.substring(start(i), end(i))).stream().anyMatch(this::matches);
                found.set(i, matches);
            }
            checked = last + 1;
        }

        /** Whether a normalised word shares a search form with the query. */
        private boolean matches(String word) {
            // Every form is a part of the word (prefixes and a suffix peeled): most words contain none of the wanted ones.
            for (String part : parts) {
                if (word.contains(part)) {
                    return SearchText.forms(word).stream().anyMatch(wanted::contains);
                }
            }
            return false;
        }
    }
}
