package io.newsroom.story;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the same-story model ({@link SameStory}) weighs of two texts, each a figure between 0 and 1
 * that needs no list of the words a writer will use. Paraphrases of one event share few words but
 * the rare ones: names of people, towns, clubs, companies, the figures. Two events that look alike
 * share common words and one name, and each has a rare headline word of its own in the other's
 * place (كبد / رئة, إيني / بي بي, the other minister's name): what each side has that the other
 * lacks counts, not only what they share. A word's rarity is its weight in the archive (inverse
 * document frequency) over the weight of a word the archive has never seen.
 */
final class PairFeatures {

    /** The figures, in the order of {@link SameStory#COEFFICIENTS} after its intercept. */
    static final String[] NAMES = {"dice", "headline dice", "lesser headline cover", "own rare word on each side", "rarest shared word",
            "shared weight", "word put in another's place",
            "another word in headlines otherwise alike", "spellings dice", "a figure both give",
            "dice outside the headlines", "one kind of event in both headlines"};
    static final int COUNT = NAMES.length;
    /** A word no text of the archive uses: its weight is the most any word weighs. */
    private static final String UNSEEN = "\u0000";
    /** How many of the rarest words shared make the shared weight count in full. */
    private static final double SHARED_WORDS = 10;

    private PairFeatures() {
    }

    /** The figures for texts {@code a} and {@code b} whose weighted Dice over all their words is {@code dice}. */
    static double[] of(StorySignature a, StorySignature b, double dice, TermWeights weights, Set<StorySignal> signals) {
        double[] features = new double[COUNT];
        features[0] = dice;
        double most = weights.of(UNSEEN);
        if (signals.contains(StorySignal.HEADLINE)) {
            features[1] = SameStory.similarity(a.headline(), b.headline(), weights);
            features[2] = Math.min(cover(a.headline(), b.words(), weights), cover(b.headline(), a.words(), weights));
        }
        if (signals.contains(StorySignal.OWN_WORDS)) {
            features[3] = Math.min(rarestAbsent(a.headline(), b.words(), weights), rarestAbsent(b.headline(), a.words(), weights)) / most;
            features[4] = rarestShared(a.words(), b.words(), weights) / most;
            features[5] = Math.min(1, sharedWeight(a.words(), b.words(), weights) / most / SHARED_WORDS);
            features[6] = substitution(a, b, weights) / most;
            features[7] = features[6] * features[2];
        }
        if (signals.contains(StorySignal.SPELLINGS)) {
            features[8] = Spellings.similarity(a.spellings(), b.spellings(), weights);
        }
        if (signals.contains(StorySignal.FIGURES)) {
            features[9] = sharesAFigure(a.words(), b.words()) ? 1 : 0;
        }
        if (signals.contains(StorySignal.REST)) {
            features[10] = restSimilarity(a, b, weights);
        }
        if (signals.contains(StorySignal.EVENTS)) {
            features[11] = Collections.disjoint(a.facts().headlineEvents(), b.facts().headlineEvents()) ? 0 : 1;
        }
        return features;
    }

    /**
     * Whether both texts give one figure that says something of its own: 10 or more, or with a
     * fraction (5.6 مليار, 2718 دولارا, 15 مصابا), not a year (2026 is in half the news of a year) and
     * not a small count (3, 4) that any two events may share.
     */
    static boolean sharesAFigure(Set<String> a, Set<String> b) {
        for (String word : a) {
            if (word.startsWith("#") && b.contains(word) && telling(word.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean telling(String figure) {
        BigDecimal value;
        try {
            value = new BigDecimal(figure);
        } catch (NumberFormatException notAFigure) {
            return false;
        }
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        boolean year = whole && value.compareTo(FIRST_YEAR) >= 0 && value.compareTo(LAST_YEAR) <= 0;
        return !year && (!whole || value.compareTo(BigDecimal.TEN) >= 0);
    }

    private static final BigDecimal FIRST_YEAR = BigDecimal.valueOf(1900);
    private static final BigDecimal LAST_YEAR = BigDecimal.valueOf(2100);

    /**
     * Weighted Dice over the words outside both headlines: two tellings of one event agree in their
     * leads' facts when their headlines are worded apart, and two events written alike share their
     * headlines' words more than the rest.
     */
    private static double restSimilarity(StorySignature a, StorySignature b, TermWeights weights) {
        double shared = 0;
        double total = 0;
        for (String word : a.words()) {
            if (!a.headline().contains(word)) {
                double weight = weights.of(word);
                total += weight;
                if (b.words().contains(word) && !b.headline().contains(word)) {
                    shared += weight;
                }
            }
        }
        for (String word : b.words()) {
            if (!b.headline().contains(word)) {
                total += weights.of(word);
            }
        }
        return total == 0 ? 0 : 2 * shared / total;
    }

    /** The share of a headline's weight the other text uses anywhere (a short headline told in the other's lead). */
    private static double cover(Set<String> headline, Set<String> other, TermWeights weights) {
        double total = 0;
        double found = 0;
        for (String word : headline) {
            double weight = weights.of(word);
            total += weight;
            if (other.contains(word)) {
                found += weight;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** The weight of the rarest headline word the other text does not use at all (0 when it uses them all). */
    private static double rarestAbsent(Set<String> headline, Set<String> other, TermWeights weights) {
        double rarest = 0;
        for (String word : headline) {
            if (!other.contains(word) && !word.startsWith("#")) { // another figure is the counts' conflict to judge
                rarest = Math.max(rarest, weights.of(word));
            }
        }
        return rarest;
    }

    /**
     * Another word in one place of the headlines: a headline word the other text does not use, and one
     * of the other headline's that this text does not use, after the same word or before the same
     * word (زراعة رئة كاملة / زراعة كبد كاملة, محمد صلاح يجدد / فان دايك يجدد, مقتل قيادي / اعتقال
     * قيادي): the weight of the lighter of the two, the most of any such pair (0 when none).
     */
    private static double substitution(StorySignature a, StorySignature b, TermWeights weights) {
        List<String> headlineA = a.facts().headlineWords();
        List<String> headlineB = b.facts().headlineWords();
        double most = 0;
        for (int i = 0; i < headlineA.size(); i++) {
            String x = headlineA.get(i);
            if (b.words().contains(x) || x.startsWith("#")) {
                continue;
            }
            for (int j = 0; j < headlineB.size(); j++) {
                String y = headlineB.get(j);
                if (a.words().contains(y) || y.startsWith("#")) {
                    continue;
                }
                boolean sameBefore = i > 0 && j > 0 && headlineA.get(i - 1).equals(headlineB.get(j - 1));
                boolean sameAfter = i + 1 < headlineA.size() && j + 1 < headlineB.size() && headlineA.get(i + 1).equals(headlineB.get(j + 1));
                if (sameBefore || sameAfter) {
                    most = Math.max(most, Math.min(weights.of(x), weights.of(y)));
                }
            }
        }
        return most;
    }

    /** The weight of the words two texts share, in words of the greatest weight. */
    private static double sharedWeight(Set<String> a, Set<String> b, TermWeights weights) {
        double shared = 0;
        for (String word : a) {
            if (b.contains(word)) {
                shared += weights.of(word);
            }
        }
        return shared;
    }

    private static double rarestShared(Set<String> a, Set<String> b, TermWeights weights) {
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        double rarest = 0;
        for (String word : smaller) {
            if (larger.contains(word)) {
                rarest = Math.max(rarest, weights.of(word));
            }
        }
        return rarest;
    }
}
