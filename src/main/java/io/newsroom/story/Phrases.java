package io.newsroom.story;

import io.newsroom.text.ArabicNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words and phrases of a list (places, roles, synonyms, slot words) found in a text's tokens,
 * however the text prefixes or inflects them: an entry word matches a token when one of its forms
 * (as written, and without its article) is among the token's forms (each clitic peeled: "عدن"
 * finds بعدن) or their light stems ("قطر" finds القطرية); in a list of inflecting words the
 * entry's own light stem counts too ("مستودع" finds مستودعا and المستودعات). The longest entry
 * starting at a word wins, an entry matched by the word's own forms before one matched by stems.
 */
final class Phrases<V> {

    /** One entry found: where it starts, how many tokens it spans, what it means. */
    record Match<V>(int start, int length, V value) {
    }

    private record Word(Set<String> forms, Set<String> loose) {
    }

    private record Entry<V>(List<Word> words, V value) {
    }

    /** About as many words as a news window uses; started over when full, as SearchText's cache is. */
    private static final int CACHED_WORDS = 50_000;

    private final boolean inflecting;
    private final Map<String, List<Entry<V>>> byForm = new HashMap<>();
    private final Map<String, List<Entry<V>>> byLooseForm = new HashMap<>();
    /**
     * The entries a word may start, by the word as written: nearly every word of a text starts none,
     * and a text is read against four lists, so each word is looked up in a list's indexes once.
     */
    private final Map<String, List<Entry<V>>> startingAt = new ConcurrentHashMap<>();

    /** {@code inflecting}: whether the list's words are matched by their light stems too (verbs and nouns, not names). */
    Phrases(boolean inflecting) {
        this.inflecting = inflecting;
    }

    /**
     * Adds an entry; its words are separated by spaces or underscores. Answers what an entry of
     * the same spelling already meant (null when none; then the list is unchanged).
     */
    V add(String phrase, V value) {
        List<Word> words = words(phrase);
        for (Entry<V> existing : byForm.getOrDefault(words.get(0).forms().iterator().next(), List.of())) {
            if (existing.words().equals(words)) {
                return existing.value();
            }
        }
        startingAt.clear();
        Entry<V> entry = new Entry<>(words, value);
        for (String form : words.get(0).forms()) {
            byForm.computeIfAbsent(form, k -> new ArrayList<>()).add(entry);
        }
        for (String form : words.get(0).loose()) {
            byLooseForm.computeIfAbsent(form, k -> new ArrayList<>()).add(entry);
        }
        return null;
    }

    /** Changes what the entry of exactly this spelling means (a spelling found to mean two things). */
    void replace(String phrase, V value) {
        startingAt.clear();
        List<Word> words = words(phrase);
        for (Map<String, List<Entry<V>>> index : List.of(byForm, byLooseForm)) {
            for (List<Entry<V>> entries : index.values()) {
                entries.replaceAll(e -> e.words().equals(words) ? new Entry<>(words, value) : e);
            }
        }
    }

    /** Whether an entry starts with this word as written (its forms), not only with its light stem (الرياض in الرياضية). */
    boolean startsByForm(StoryText.Token token) {
        for (String form : token.forms()) {
            if (byForm.containsKey(form)) {
                return true;
            }
        }
        return false;
    }

    /** The entries found in the tokens, left to right, none overlapping, the longest at each word. */
    List<Match<V>> find(List<StoryText.Token> tokens) {
        List<Match<V>> found = new ArrayList<>();
        for (int i = 0; i < tokens.size();) {
            Match<V> longest = null;
            for (Entry<V> entry : startingWith(tokens.get(i))) {
                int length = entry.words().size();
                if ((longest == null || length > longest.length()) && rest(entry, tokens, i)) {
                    longest = new Match<>(i, length, entry.value());
                }
            }
            if (longest == null) {
                i++;
            } else {
                found.add(longest);
                i += longest.length();
            }
        }
        return found;
    }

    /** The one-word entry a token is, or null. */
    V of(StoryText.Token token) {
        for (Entry<V> entry : startingWith(token)) {
            if (entry.words().size() == 1) {
                return entry.value();
            }
        }
        return null;
    }

    /** The entries whose first word the token is: matched by its own forms first, then by stems. */
    private List<Entry<V>> startingWith(StoryText.Token token) {
        List<Entry<V>> entries = startingAt.get(token.first());
        if (entries == null) {
            Set<Entry<V>> ordered = new LinkedHashSet<>();
            for (String form : token.forms()) {
                ordered.addAll(byForm.getOrDefault(form, List.of()));
            }
            for (String form : token.forms()) {
                ordered.addAll(byLooseForm.getOrDefault(form, List.of()));
            }
            for (String stem : token.stems()) {
                ordered.addAll(byLooseForm.getOrDefault(stem, List.of()));
            }
            entries = ordered.isEmpty() ? List.of() : List.copyOf(ordered);
            if (startingAt.size() >= CACHED_WORDS) {
                startingAt.clear();
            }
            startingAt.put(token.first(), entries);
        }
        return entries;
    }

    private static <V> boolean rest(Entry<V> entry, List<StoryText.Token> tokens, int at) {
        if (at + entry.words().size() > tokens.size()) {
            return false;
        }
        for (int w = 1; w < entry.words().size(); w++) {
            Word word = entry.words().get(w);
            StoryText.Token token = tokens.get(at + w);
            if (!anyIn(token.forms(), word.loose()) && !anyIn(token.stems(), word.loose())) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyIn(String[] keys, Set<String> set) {
        for (String key : keys) {
            if (set.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private List<Word> words(String phrase) {
        List<Word> words = new ArrayList<>();
        for (String word : ArabicNormalizer.searchForm(phrase.replace('_', ' ')).split(" ")) {
            if (!word.isEmpty()) {
                words.add(word(word));
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an empty phrase");
        }
        return words;
    }

    /**
     * An entry word's forms: as written and without its article (lists write words bare, so
     * one-letter clitics are not peeled: وزير stays وزير); its loose forms add their light stems
     * in a list of inflecting words.
     */
    private Word word(String written) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(written);
        if (written.startsWith("ال") && written.length() >= 5) {
            forms.add(written.substring(2));
        }
        Set<String> loose = new LinkedHashSet<>(forms);
        if (inflecting) {
            for (String form : forms) {
                loose.add(ArabicRoots.stem(form));
            }
        }
        return new Word(Set.copyOf(forms), Set.copyOf(loose));
    }
}
