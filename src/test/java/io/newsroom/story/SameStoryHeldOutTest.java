package io.newsroom.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same-story decision on the held-out set (src/test/resources/stories/held-out-8-pairs.tsv, same
 * format as the labelled pairs): at least 100 same-event and 100 hard different-event pairs written by
 * someone who saw neither the code nor any labelled pair, never used to choose anything. The threshold and
 * model are the labelled pairs' ({@link SameStory#DEFAULT_THRESHOLD}); words are weighted over the
 * set's own texts, as the story index weighs them over its window.
 *
 * <p>The targets on such a set are precision 0.97 and recall 0.85. The sets before this one were
 * each measured once at merge: held-out-3-pairs.tsv (a fourth writer's, 120 same, 118 different) 0.987 /
 * 0.625 under round 2; held-out-4-pairs.tsv (a fifth writer's, 130 + 130) 0.925 / 0.854 under round 3. They
 * are now the labelled fourth-writer-pairs.tsv and fifth-writer-pairs.tsv; held-out-5-pairs.tsv (a sixth
 * writer's, 119 + 118) 0.963 / 0.664 under round 4, now sixth-writer-pairs.tsv; held-out-6-pairs.tsv (a
 * seventh writer's, 115 + 114) 0.976 / 0.713 under round 5, now seventh-writer-pairs.tsv; held-out-7-pairs.tsv (an
 * eighth writer's, 120 + 120) 0.946 / 0.583 under round 6, now eighth-writer-pairs.tsv. This one (a ninth writer's,
 * 118 + 118) was measured under round 7.
 * This test holds the decision to the figures the lead measures on the new set when it is merged
 * (until then, the floors of the set before), so that no change makes readers lose more events to wrong
 * joins or see more of them twice; it prints the shortfall. Raise the recall floor to the target when it
 * is met on a held-out set no one tuned on: a set once measured is folded into the labelled pairs and a
 * new one is written apart (other-writer-pairs.tsv, third-writer-pairs.tsv, fourth-writer-pairs.tsv,
 * fifth-writer-pairs.tsv, sixth-writer-pairs.tsv, seventh-writer-pairs.tsv, eighth-writer-pairs.tsv went that way).
 */
class SameStoryHeldOutTest {

    static final String HELD_OUT_SET = "/stories/held-out-8-pairs.tsv";

    /** The targets. */
    static final double TARGET_PRECISION = 0.97;
    static final double TARGET_RECALL = 0.85;

    /**
     * What the decision scored when this set (118 same, 118 different) was measured, once, at the merge of round 7 (TP 83,
     * FP 3, FN 35: precision 0.965, recall 0.703), rounded down. The same set under round 6's decision: 0.975 / 0.669 (TP 79,
     * FP 2, FN 39).
     */
    static final double MEASURED_PRECISION = 0.965;
    static final double MEASURED_RECALL = 0.703;

    @Test
    void onTextNoOneTunedItToTheDecisionDoesNoWorseThanMeasured() throws IOException {
        List<StoryEvaluation.Pair> pairs = StoryEvaluation.pairs(HELD_OUT_SET);
        assertThat(pairs).as(HELD_OUT_SET + " is missing from the test classpath: the held-out set must be there for this measure").isNotNull();
        long same = pairs.stream().filter(StoryEvaluation.Pair::same).count();
        long different = pairs.size() - same;
        assertThat(same >= 100 && different >= 100)
                .as(HELD_OUT_SET + " holds " + same + " same-event and " + different + " different-event pairs; at least 100 of each are needed")
                .isTrue();
        List<StoryEvaluation.Judged> judged = StoryEvaluation.judge(pairs, StorySignal.all());
        StoryEvaluation.Measured measured = StoryEvaluation.measure(judged, SameStory.COEFFICIENTS, SameStory.DEFAULT_THRESHOLD);
        System.out.printf("Same-story decision on the held-out set (%d same, %d different), threshold %.3f from the tuning set: %s%n", same,
                different, SameStory.DEFAULT_THRESHOLD, measured);
        System.out.printf("  targets: precision %.2f, recall %.2f; short by %.3f and %.3f%n", TARGET_PRECISION, TARGET_RECALL,
                Math.max(0, TARGET_PRECISION - measured.precision()), Math.max(0, TARGET_RECALL - measured.recall()));
        assertThat(measured.precision()).as(measured.toString()).isGreaterThanOrEqualTo(MEASURED_PRECISION);
        assertThat(measured.recall()).as(measured.toString()).isGreaterThanOrEqualTo(MEASURED_RECALL);
    }
}
