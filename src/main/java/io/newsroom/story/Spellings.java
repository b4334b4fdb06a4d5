package io.newsroom.story;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How alike two texts are letter by letter: the runs of 3 and 4 letters of their words as written
 * (in search form, without clitics and article), each run weighing what the rarest word of the text
 * it comes from weighs. Where the root reader and the lists do not join two spellings of one word
 * (الأممية / الأمم, a name transliterated two ways, a foreign word with an Arabic ending), their runs
 * still meet; that a common ending (ـية, ـات) meets too costs little, since common words weigh little.
 */
final class Spellings {

    private static final int SHORTEST = 3;
    private static final int LONGEST = 4;
    /** About as many spellings as a news window uses; started over when full, as StoryText's cache is. */
    private static final int CACHED = 100_000;
    private static final Map<String, String[]> RUNS = new ConcurrentHashMap<>();

    private Spellings() {
    }

    /** Weighted Dice over the runs of letters of both texts' spellings (spelling → the word it is compared by). */
    static double similarity(Map<String, String> a, Map<String, String> b, TermWeights weights) {
        Map<String, Double> runsA = runs(a, weights);
        Map<String, Double> runsB = runs(b, weights);
        double total = 0;
        double shared = 0;
        for (Map.Entry<String, Double> run : runsA.entrySet()) {
            total += run.getValue();
            Double other = runsB.get(run.getKey());
            if (other != null) {
                shared += run.getValue() + other;
            }
        }
        for (double weight : runsB.values()) {
            total += weight;
        }
        return total == 0 ? 0 : shared / total;
    }

    private static Map<String, Double> runs(Map<String, String> spellings, TermWeights weights) {
        Map<String, Double> runs = new HashMap<>();
        for (Map.Entry<String, String> spelling : spellings.entrySet()) {
            double weight = weights.of(spelling.getValue());
            for (String run : runs(spelling.getKey())) {
                runs.merge(run, weight, Math::max);
            }
        }
        return runs;
    }

    /** A word's runs of 3 and 4 letters (a word of 3 letters or fewer is its own run). */
    static String[] runs(String spelling) {
        String[] cached = RUNS.get(spelling);
        if (cached != null) {
            return cached;
        }
        String[] runs;
        if (spelling.length() <= SHORTEST) {
            runs = new String[] {spelling};
        } else {
            int count = 0;
            for (int n = SHORTEST; n <= LONGEST; n++) {
                count += Math.max(0, spelling.length() - n + 1);
            }
            runs = new String[count];
            int i = 0;
            for (int n = SHORTEST; n <= LONGEST; n++) {
                for (int from = 0; from + n <= spelling.length(); from++) {
                    runs[i++] = spelling.substring(from, from + n);
                }
            }
        }
        if (RUNS.size() >= CACHED) {
            RUNS.clear();
        }
        RUNS.put(spelling, runs);
        return runs;
    }
}
