package io.newsroom.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The story index finds exactly what comparing with every article would: it adds up the weights of
 * shared words through the postings and judges only the articles whose sum can reach the threshold,
 * which must never lose a match.
 */
class StoryIndexIT extends IntegrationTest {

    /** An index of its own, deaf to the change notifications: what it holds is only what a test adds. */
    StoryIndex index;

    @BeforeEach
    void ownIndex() {
        index = new StoryIndex(jdbc, new StoryProperties(true, Duration.ofHours(72), SameStory.DEFAULT_THRESHOLD), Clock.systemUTC());
    }

    @Test
    void theIndexFindsTheBestMatchThatComparingWithEveryArticleFinds() throws Exception {
        List<StoryEvaluation.Pair> pairs = StoryEvaluation.pairs(SameStoryTest.TUNING_SET);
        Map<UUID, StorySignature> told = new HashMap<>();
        Instant now = Instant.now();
        assertThat(index.find(index.signature("سؤال أول", null, null))).as("read in full: nothing published yet").isEmpty();
        for (StoryEvaluation.Pair pair : pairs) {
            UUID id = UUID.randomUUID();
            StorySignature signature = index.signature(pair.headlineB(), pair.leadB(), null);
            told.put(id, signature);
            index.add(id, id, now, signature);
        }
        int found = 0;
        for (StoryEvaluation.Pair pair : pairs) {
            StorySignature item = index.signature(pair.headlineA(), pair.leadA(), null);
            Optional<UUID> bruteForce = told.entrySet().stream()
                    .filter(e -> SameStory.judge(item, e.getValue(), index.weights(), SameStory.DEFAULT_THRESHOLD).same())
                    .max(java.util.Comparator.comparingDouble(e -> SameStory.judge(item, e.getValue(), index.weights(),
                            SameStory.DEFAULT_THRESHOLD).similarity()))
                    .map(Map.Entry::getKey);
            Optional<StoryIndex.Match> match = index.find(item);
            assertThat(match.map(StoryIndex.Match::articleId)).as(pair.headlineA()).isEqualTo(bruteForce);
            found += match.isPresent() ? 1 : 0;
        }
        // nearly every item of the tuning set finds its other telling among all the others
        assertThat(found).isGreaterThanOrEqualTo(130);
    }

    @Test
    void aTextWithNoWordsInCommonFindsNothing() {
        index.find(index.signature("سؤال أول", null, null));
        index.add(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), index.signature("زلزال يضرب جنوب تركيا", "هزة أرضية قوية", null));
        assertThat(index.find(index.signature("افتتاح معرض الكتاب", "بمشاركة ستين دولة", null))).isEmpty();
        assertThat(index.find(index.signature("", null, null))).isEmpty();
    }
}
