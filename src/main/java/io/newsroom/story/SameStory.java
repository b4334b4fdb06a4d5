package io.newsroom.story;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether two texts tell one story: their headline-and-lead words agree closely enough (Dice
 * coefficient, {@code threshold}) and they name no different values in one slot (another country,
 * city, sport, ministry, subject, direction or number on each side: two attacks in one province
 * share nearly every word but their numbers and towns). Measured on a labelled set of Arabic pairs
 * (SameStoryTest), which is also where the threshold comes from.
 */
public final class SameStory {

    /** The threshold SameStoryTest measured and asserts the precision and recall of. */
    public static final double DEFAULT_THRESHOLD = 0.475;

    /** The decision with its reasons: the similarity, and the slot whose values disagree (null when none). */
    public record Verdict(boolean same, double similarity, String contradiction) {
    }

    private SameStory() {
    }

    public static Verdict judge(StorySignature a, StorySignature b, double threshold) {
        double similarity = similarity(a.words(), b.words());
        String contradiction = contradiction(a.slots(), b.slots());
        return new Verdict(similarity >= threshold && contradiction == null, similarity, contradiction);
    }

    /** Dice: shared words over the mean word count. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String word : a.size() <= b.size() ? a : b) {
            if ((a.size() <= b.size() ? b : a).contains(word)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    /**
     * The first slot in which each side names a value the other does not ("السورية" against
     * "الليبية"); one side naming more of a slot than the other ("روسيا" against "روسيا والصين") is
     * no contradiction.
     */
    static String contradiction(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        for (Map.Entry<String, Set<String>> slot : a.entrySet()) {
            Set<String> other = b.get(slot.getKey());
            if (other == null) {
                continue;
            }
            Set<String> onlyA = new HashSet<>(slot.getValue());
            onlyA.removeAll(other);
            Set<String> onlyB = new HashSet<>(other);
            onlyB.removeAll(slot.getValue());
            if (!onlyA.isEmpty() && !onlyB.isEmpty()) {
                return slot.getKey() + ": " + String.join("/", onlyA) + " ≠ " + String.join("/", onlyB);
            }
        }
        return null;
    }
}
