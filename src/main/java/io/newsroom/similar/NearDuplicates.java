package io.newsroom.similar;

import io.newsroom.text.SearchText;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether two headlines tell the same story: the share of the shorter headline's words that the
 * other one has too, after Arabic normalisation and clitic peeling ("للهند" = "الهند"). Words of one or
 * two letters (في، من، مع) do not count, except numbers ("16" matters in "مصرع 16 ...").
 */
final class NearDuplicates {

    /** Fewer shared words than this never make two headlines the same story, whatever the share. */
    static final int MIN_SHARED_WORDS = 3;

    private NearDuplicates() {
    }

    static Set<String> words(String headline) {
        Set<String> words = new HashSet<>();
        for (String stem : SearchText.stems(headline)) {
            if (stem.length() > 2 || stem.chars().allMatch(Character::isDigit)) {
                words.add(stem);
            }
        }
        return words;
    }

    /** Shared words over the smaller word count; 0 when fewer than {@link #MIN_SHARED_WORDS} are shared. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        if (shared.size() < MIN_SHARED_WORDS) {
            return 0;
        }
        return shared.size() / (double) Math.min(a.size(), b.size());
    }
}
