package io.newsroom.story;

import io.newsroom.text.SearchText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * What a story is compared by: the words of its headline and lead (normalised Arabic stems, words of
 * one or two letters left out except numbers) and the slots they fill ({@link StoryLexicon}: the
 * country, city, sport, ministry, subject or direction a text names; numbers are a slot of their own).
 */
public record StorySignature(Set<String> words, Map<String, Set<String>> slots) {

    /** The lead is what outlets agree on first: its first {@value #LEAD_WORDS} words are enough. */
    static final int LEAD_WORDS = 60;

    public static StorySignature of(String headline, String lead, StoryLexicon lexicon) {
        Set<String> words = new HashSet<>();
        Map<String, Set<String>> slots = new HashMap<>();
        add(headline, Integer.MAX_VALUE, words, slots, lexicon);
        add(lead, LEAD_WORDS, words, slots, lexicon);
        return new StorySignature(words, slots);
    }

    /**
     * An article's signature: its headline and lead, the lead being its excerpt, else the start of
     * its body as text (feeds often carry no summary of their own).
     */
    public static StorySignature ofArticle(String headline, String excerpt, String bodyHtml, StoryLexicon lexicon) {
        String lead = excerpt != null && !excerpt.isBlank() ? excerpt : bodyHtml == null ? null : Jsoup.parseBodyFragment(bodyHtml).text();
        return of(headline, lead, lexicon);
    }

    private static void add(String text, int limit, Set<String> words, Map<String, Set<String>> slots, StoryLexicon lexicon) {
        if (text == null) {
            return;
        }
        int taken = 0;
        for (String stem : SearchText.stems(text)) {
            if (taken++ >= limit) {
                break;
            }
            boolean number = !stem.isEmpty() && stem.chars().allMatch(Character::isDigit);
            if (number) {
                slots.computeIfAbsent("number", k -> new HashSet<>()).add(stem);
            } else {
                StoryLexicon.Slot slot = lexicon.slotOf(stem);
                if (slot != null) {
                    slots.computeIfAbsent(slot.category(), k -> new HashSet<>()).add(slot.value());
                }
            }
            if (stem.length() > 2 || number) {
                words.add(stem);
            }
        }
    }
}
