package io.newsroom.story;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many texts of an archive use each word: what makes a rare word weigh more than a common one
 * ({@link TermWeights#inverseFrequency}). Not safe for concurrent writes; StoryIndex writes it under
 * its write lock and reads it under its read lock.
 */
final class DocumentFrequencies implements TermWeights {

    private final Map<String, int[]> frequencies = new HashMap<>();
    private int documents;

    void add(Set<String> words) {
        documents++;
        for (String word : words) {
            frequencies.computeIfAbsent(word, w -> new int[1])[0]++;
        }
    }

    void remove(Set<String> words) {
        documents--;
        for (String word : words) {
            int[] count = frequencies.get(word);
            if (count != null && --count[0] <= 0) {
                frequencies.remove(word);
            }
        }
    }

    void clear() {
        frequencies.clear();
        documents = 0;
    }

    @Override
    public double of(String word) {
        int[] count = frequencies.get(word);
        return TermWeights.inverseFrequency(count == null ? 0 : count[0], documents);
    }
}
