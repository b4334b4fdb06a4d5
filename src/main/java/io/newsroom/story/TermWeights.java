package io.newsroom.story;

/** How much a shared word says that two texts tell one story: a rare word more than a common one. */
@FunctionalInterface
public interface TermWeights {

    /** Every word alike. */
    TermWeights EQUAL = word -> 1.0;

    double of(String word);

    /**
     * The inverse document frequency of a word among {@code documents} texts of which
     * {@code frequency} use it, smoothed so that an unseen word weighs most and a word in every
     * text still weighs something: ln(1 + (documents + 1) / (frequency + 1)).
     */
    static double inverseFrequency(int frequency, int documents) {
        return Math.log1p((documents + 1.0) / (frequency + 1.0));
    }
}
