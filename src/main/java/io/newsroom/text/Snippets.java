package io.newsroom.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * A search hit's snippet: the passages of a text around the words a reader searched for, each such
 * word wrapped in {@code <mark>}, as HTML. A word counts as found when it shares a search form with
 * a query word (SearchText: the normaliser and clitic peeling), so "والإرهاب" is marked for the query
 * "ارهاب" as the index matched it. PostgreSQL's ts_headline did this before at about 0.8 ms per hit,
 * parsing and stemming the whole body again, most of a search's database time (bench/run.sh).
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
        Set<String> wanted = new HashSet<>();
        SearchText.words(query).forEach(word -> wanted.addAll(SearchText.forms(word)));
        String[] parts = wanted.toArray(String[]::new);
        List<int[]> words = new ArrayList<>(); // start, end, 1 when found
        int start = -1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            boolean inWord = isWritten(text.codePointAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(new int[] {start, i, 0});
                start = -1;
            }
        }
        if (start >= 0) {
            words.add(new int[] {start, text.length(), 0});
        }
        if (words.isEmpty()) {
            return "";
        }
        // Normalising the text once is far cheaper than word by word; when it splits the text into the
        // same number of words (it almost always does), its words stand for the written ones, in order.
        List<String> normalised = SearchText.words(text);
        for (int i = 0; i < words.size(); i++) {
            int[] word = words.get(i);
            boolean found = normalised.size() == words.size()
                    ? found(normalised.get(i), parts, wanted)
                    : SearchText.words(text.substring(word[0], word[1])).stream().anyMatch(w -> found(w, parts, wanted));
            word[2] = found ? 1 : 0;
        }
        List<String> fragments = new ArrayList<>();
        int coveredUntil = -1;
        for (int i = 0; i < words.size() && fragments.size() < maxFragments; i++) {
            if (words.get(i)[2] == 1 && i > coveredUntil) {
                int first = Math.max(coveredUntil + 1, i - WORDS_BEFORE_MATCH);
                int last = Math.min(words.size(), first + wordsPerFragment) - 1;
                fragments.add(fragment(text, words, first, last));
                coveredUntil = last;
            }
        }
        if (fragments.isEmpty()) {
            fragments.add(fragment(text, words, 0, Math.min(words.size(), wordsPerFragment) - 1));
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
        int type = Character.getType(codePoint);
        return ArabicNormalizer.isLetterOrNumber(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Whether a normalised word shares a search form with the query. */
    private static boolean found(String word, String[] parts, Set<String> wanted) {
        // Every form is a part of the word (prefixes and a suffix peeled): most words contain none of the wanted ones.
        for (String part : parts) {
            if (word.contains(part)) {
                return SearchText.forms(word).stream().anyMatch(wanted::contains);
            }
        }
        return false;
    }

    /** Words first..last with what lies between them, escaped, the found ones marked. */
    private static String fragment(String text, List<int[]> words, int first, int last) {
        StringBuilder out = new StringBuilder();
        for (int i = first; i <= last; i++) {
            int[] word = words.get(i);
            if (i > first) {
                out.append(Entities.escape(text.substring(words.get(i - 1)[1], word[0])));
            }
            String escaped = Entities.escape(text.substring(word[0], word[1]));
            out.append(word[2] == 1 ? "<mark>" + escaped + "</mark>" : escaped);
        }
        return out.toString();
    }
}
