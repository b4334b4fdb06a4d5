package io.newsroom.story;

import java.util.Set;

/**
 * Whether two texts tell one story. Paraphrase decides "same": a small logistic model over figures
 * that need no list of a writer's words ({@link PairFeatures}: how alike all their words are by root,
 * synonym, place and value (StoryReading), rare words counting more; how alike the headlines are and
 * how much of each the other text covers; a rare headline word of its own on each side; the rarest
 * word they share; how alike their spellings are letter by letter, {@link Spellings}; a figure both give;
 * how alike they are outside their headlines) gives the probability, and two texts are one story from {@code threshold} on, or
 * when they are near copies ({@link #NEAR_COPY}). Conflicts
 * decide "different": another country, city, role holder, figure, outcome or subject
 * ({@link Conflicts}), however many words the texts share. Texts sharing less than
 * {@link #LEAST_SIMILARITY} of their words are never one story (what lets the story index skip nearly
 * every article). The coefficients are fitted, and the threshold chosen, on the labelled pairs by
 * SameStoryTest (cross-validation), which says how they were got.
 */
public final class SameStory {

    /** The model's probability from which two texts are one story: the one SameStoryTest chooses on all labelled pairs. */
    public static final double DEFAULT_THRESHOLD = 0.8859;
    /**
     * The weighted Dice below which two texts are never one story, whatever the model says: what lets
     * the story index skip nearly every article of its window (at 0.2 it compared six times slower).
     * Fitted with the model: at 0.3 it joined one labelled pair fewer than at 0.2 and no wrong one.
     */
    static final double LEAST_SIMILARITY = 0.3;
    /**
     * The weighted Dice from which two texts without a conflict are one story whatever the model says:
     * one agency copy republished (a tag before the headline, the lead cut short). The labelled
     * different events are mostly near-identical texts and its same-story pairs paraphrases, so the
     * model alone learned to doubt texts this alike; among labelled pairs without a conflict, 42 this
     * alike were one story and 2 were not. Chosen among 0.75, 0.8, 0.85 and 0.9 by the figures out of fold.
     */
    static final double NEAR_COPY = 0.85;
    /**
     * The intercept, then one coefficient per {@link PairFeatures} figure, fitted on all labelled pairs
     * (StoryEvaluation.coefficients; SameStoryTest fits them again and checks they are these). The
     * figures overlap (Dice, headline Dice, cover; the shared weight and the rarest shared word), so
     * single coefficients are not each figure's worth: SameStoryTest measures that by leaving signals out.
     */
    static final double[] COEFFICIENTS = {-2.823258, 12.617606, -13.247808, 10.554944, -1.057311, 2.612649, -0.797572, 3.207819, -8.970378, -1.573943, 1.198090, -5.477078, 0.678457};

    /** The decision with its reasons: the similarity (weighted Dice), the model's probability, and the conflict found (null when none). */
    public record Verdict(boolean same, double similarity, double probability, String contradiction) {
    }

    private SameStory() {
    }

    public static Verdict judge(StorySignature a, StorySignature b, TermWeights weights, double threshold) {
        return judge(a, b, weights, threshold, StorySignal.all());
    }

    static Verdict judge(StorySignature a, StorySignature b, TermWeights weights, double threshold, Set<StorySignal> signals) {
        TermWeights used = signals.contains(StorySignal.WEIGHTS) ? weights : TermWeights.EQUAL;
        return decide(similarity(a.words(), b.words(), used), a, b, used, threshold, signals, COEFFICIENTS);
    }

    /** The decision once the similarity is known (the story index adds it up through its postings). */
    static Verdict decide(double similarity, StorySignature a, StorySignature b, TermWeights weights, double threshold, Set<StorySignal> signals,
            double[] coefficients) {
        if (similarity < LEAST_SIMILARITY) {
            return new Verdict(false, similarity, 0, null);
        }
        double probability = probability(PairFeatures.of(a, b, similarity, weights, signals), coefficients);
        boolean alike = probability >= threshold || similarity >= NEAR_COPY;
        String contradiction = alike ? Conflicts.first(a, b, signals) : null;
        return new Verdict(alike && contradiction == null, similarity, probability, contradiction);
    }

    /** The logistic model's probability that two texts with these figures tell one story. */
    static double probability(double[] features, double[] coefficients) {
        double z = coefficients[0];
        for (int i = 0; i < features.length; i++) {
            z += coefficients[i + 1] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
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
