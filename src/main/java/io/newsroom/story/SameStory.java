package io.newsroom.story;

import java.util.Set;

/**
 * Whether two texts tell one story. Paraphrase decides "same": their words (by root, synonym,
 * place and value; StoryReading) agree closely enough, rare words counting more than common ones
 * (a weighted Dice coefficient at least {@code threshold}). Conflicts decide "different": another
 * country, city, role holder, figure, outcome or subject ({@link Conflicts}), however many words
 * the texts share. Measured on a labelled set of Arabic pairs by cross-validation (SameStoryTest),
 * which is also where the threshold comes from, and checked on a held-out set (SameStoryHeldOutTest).
 */
public final class SameStory {

    /** The threshold SameStoryTest chose by cross-validation and SameStoryHeldOutTest measures. */
    public static final double DEFAULT_THRESHOLD = 0.44;

    /** The decision with its reasons: the similarity, and the conflict found (null when none). */
    public record Verdict(boolean same, double similarity, String contradiction) {
    }

    private SameStory() {
    }

    public static Verdict judge(StorySignature a, StorySignature b, TermWeights weights, double threshold) {
        return judge(a, b, weights, threshold, StorySignal.all());
    }

    static Verdict judge(StorySignature a, StorySignature b, TermWeights weights, double threshold, Set<StorySignal> signals) {
        double similarity = similarity(a.words(), b.words(), signals.contains(StorySignal.WEIGHTS) ? weights : TermWeights.EQUAL);
        return decide(similarity, a, b, threshold, signals);
    }

    /** The decision once the similarity is known (the story index adds it up through its postings). */
    static Verdict decide(double similarity, StorySignature a, StorySignature b, double threshold, Set<StorySignal> signals) {
        String contradiction = similarity >= threshold ? Conflicts.first(a, b, signals) : null;
        return new Verdict(similarity >= threshold && contradiction == null, similarity, contradiction);
    }

    /** The weight of a text's words. */
    static double weight(Set<String> words, TermWeights weights) {
        double total = 0;
        for (String word : words) {
            total += weights.of(word);
        }
        return total;
    }

    /** Weighted Dice: twice the weight of the shared words over the weight of both texts' words. */
    static double similarity(Set<String> a, Set<String> b, TermWeights weights) {
        double shared = 0;
        double total = 0;
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        for (String word : smaller) {
            double weight = weights.of(word);
            total += weight;
            if (larger.contains(word)) {
                shared += weight;
            }
        }
        for (String word : larger) {
            total += weights.of(word);
        }
        return total == 0 ? 0 : 2 * shared / total;
    }
}
