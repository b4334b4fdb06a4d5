package io.newsroom.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same-story decision on the held-out set (src/test/resources/stories/held-out-pairs.tsv, same
 * format as the tuning set): pairs written apart from the tuning set by someone who did not see the
 * decision, never used to choose anything. The threshold is the tuning set's
 * ({@link SameStory#DEFAULT_THRESHOLD}); words are weighted over the set's own texts, as the story
 * index weighs them over its window.
 */
class SameStoryHeldOutTest {

    static final String HELD_OUT_SET = "/stories/held-out-pairs.tsv";

    @Test
    void onTextNoOneTunedItToTheDecisionMeetsItsTargets() throws IOException {
        List<StoryEvaluation.Pair> pairs = StoryEvaluation.pairs(HELD_OUT_SET);
        assertThat(pairs).as(HELD_OUT_SET + " is missing from the test classpath: the held-out set must be there for this measure").isNotNull();
        long same = pairs.stream().filter(StoryEvaluation.Pair::same).count();
        long different = pairs.size() - same;
        assertThat(same >= 70 && different >= 70)
                .as(HELD_OUT_SET + " holds " + same + " same-event and " + different + " different-event pairs; at least 70 of each are needed")
                .isTrue();
        List<StoryEvaluation.Judged> judged = StoryEvaluation.judge(pairs, StorySignal.all());
        StoryEvaluation.Measured measured = StoryEvaluation.measure(judged, SameStory.DEFAULT_THRESHOLD);
        System.out.printf("Same-story decision on the held-out set (%d same, %d different), threshold %.3f from the tuning set: %s%n", same,
                different, SameStory.DEFAULT_THRESHOLD, measured);
        assertThat(measured.precision()).as(measured.toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(measured.recall()).as(measured.toString()).isGreaterThanOrEqualTo(0.85);
    }
}
