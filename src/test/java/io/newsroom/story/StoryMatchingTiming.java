package io.newsroom.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What comparing a new feed item with the story window costs, before issue 31 (StoryMatchingBefore)
 * and now (StorySignature + StoryWindow), on the same input in one run: a window of 20,000 articles
 * and 2,000 new items (a third of them retellings of window articles), made of the tuning set's words
 * in Zipf proportions plus a long tail of rare words, as news text is. Each item is read into its
 * signature and compared, as the feed intake does. Timed in this thread's CPU time, the best of the
 * rounds after the first (which warms the JIT). A benchmark, not a test: run it on purpose.
 *
 * <pre>./mvnw -B -o -q test-compile && java -cp "target/test-classes:target/classes:$(./mvnw -q -o dependency:build-classpath
 *     -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)" io.newsroom.story.StoryMatchingTiming</pre>
 */
public final class StoryMatchingTiming {

    private static final int WINDOW = 20_000;
    private static final int ITEMS = 2_000;
    private static final int ROUNDS = 5;

    record Text(String headline, String lead) {
    }

    public static void main(String[] args) throws IOException {
        Random random = new Random(31);
        List<String> vocabulary = vocabulary();
        List<Text> window = new ArrayList<>();
        for (int i = 0; i < WINDOW; i++) {
            window.add(new Text(text(random, vocabulary, 10), text(random, vocabulary, 40)));
        }
        List<Text> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(i % 3 == 0 ? retold(random, vocabulary, window.get(random.nextInt(WINDOW)))
                    : new Text(text(random, vocabulary, 10), text(random, vocabulary, 40)));
        }
        StoryLexicon lexicon = StoryLexicon.standard();
        double[] before = new double[2];
        double[] after = new double[2];
        for (int round = 0; round < ROUNDS; round++) {
            double[] b = before(window, items);
            double[] a = after(window, items, lexicon);
            System.out.printf("round %d: before %,.0f items/s (window read at %,.0f articles/s, %d joined); after %,.0f items/s"
                    + " (window read at %,.0f articles/s, %d joined)%n", round + 1, b[0], b[1], (long) b[2], a[0], a[1], (long) a[2]);
            if (round > 0) { // the first round warms the JIT
                before[0] = Math.max(before[0], b[0]);
                before[1] = Math.max(before[1], b[1]);
                after[0] = Math.max(after[0], a[0]);
                after[1] = Math.max(after[1], a[1]);
            }
        }
        System.out.printf("best of the later rounds: items compared before %,.0f/s, after %,.0f/s (after/before %.2f); window read before"
                + " %,.0f/s, after %,.0f/s (%.2f)%n", before[0], after[0], after[0] / before[0], before[1], after[1], after[1] / before[1]);
    }

    private static double[] before(List<Text> window, List<Text> items) {
        StoryMatchingBefore index = new StoryMatchingBefore();
        long start = now();
        for (Text text : window) {
            index.put(index.signature(text.headline(), text.lead()));
        }
        double built = window.size() / seconds(start);
        start = now();
        int joined = 0;
        for (Text item : items) {
            joined += index.find(index.signature(item.headline(), item.lead()), 0.475) >= 0 ? 1 : 0;
        }
        return new double[] {items.size() / seconds(start), built, joined};
    }

    private static double[] after(List<Text> window, List<Text> items, StoryLexicon lexicon) {
        StoryWindow index = new StoryWindow();
        long start = now();
        for (Text text : window) {
            index.put(new StoryWindow.Told(UUID.randomUUID(), null, 1, StorySignature.ofArticle(text.headline(), text.lead(), null, lexicon)));
        }
        double built = window.size() / seconds(start);
        StoryWindow.Scratch scratch = new StoryWindow.Scratch();
        start = now();
        int joined = 0;
        for (Text item : items) {
            StorySignature signature = StorySignature.ofArticle(item.headline(), item.lead(), null, lexicon);
            joined += index.find(signature, 0, SameStory.DEFAULT_THRESHOLD, scratch) != null ? 1 : 0;
        }
        return new double[] {items.size() / seconds(start), built, joined};
    }

    /** This thread's CPU time since {@code start}: what the work cost, however busy the machine's other cores are. */
    private static double seconds(long start) {
        return (CPU.getCurrentThreadCpuTime() - start) / 1e9;
    }

    private static long now() {
        return CPU.getCurrentThreadCpuTime();
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The tuning set's words, most frequent first. */
    private static List<String> vocabulary() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (StoryEvaluation.Pair pair : StoryEvaluation.pairs(SameStoryTest.TUNING_SET)) {
            for (String text : List.of(pair.headlineA(), pair.leadA(), pair.headlineB(), pair.leadB())) {
                for (String word : text.split("[\\s،.:]+")) {
                    if (!word.isBlank()) {
                        counts.merge(word, 1, Integer::sum);
                    }
                }
            }
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort((a, b) -> counts.get(b) - counts.get(a));
        return words;
    }

    /** Zipf-distributed words of the vocabulary, one in ten a rare word of its own. */
    private static String text(Random random, List<String> vocabulary, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) {
                text.append(rare(random));
            } else {
                int rank = (int) Math.min(vocabulary.size() - 1, Math.floor(Math.pow(vocabulary.size(), random.nextDouble())) - 1);
                text.append(vocabulary.get(rank));
            }
            text.append(' ');
        }
        return text.toString();
    }

    private static String rare(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            word.append((char) ('\u0628' + random.nextInt(20)));
        }
        return word.toString();
    }

    /** A retelling: most of an article's words, some replaced. */
    private static Text retold(Random random, List<String> vocabulary, Text told) {
        return new Text(replaceSome(random, vocabulary, told.headline()), replaceSome(random, vocabulary, told.lead()));
    }

    private static String replaceSome(Random random, List<String> vocabulary, String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            out.append(random.nextInt(4) == 0 ? vocabulary.get(random.nextInt(vocabulary.size())) : word).append(' ');
        }
        return out.toString();
    }
}
