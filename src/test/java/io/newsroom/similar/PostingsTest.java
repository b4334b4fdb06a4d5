package io.newsroom.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tag's postings: the signature a similar list passes articles over by, and the changes the index makes to them. */
class PostingsTest {

    private final Random random = new Random(20261207);

    @Test
    void aSignatureNeverMissesATagItsArticleCarries() {
        for (int article = 0; article < 10_000; article++) {
            UUID[] tags = randomTags(1 + random.nextInt(50));
            long signature = Postings.signature(tags);
            for (UUID tag : tags) {
                assertThat(signature & Postings.bits(tag)).isEqualTo(Postings.bits(tag));
            }
        }
    }

    /**
     * What lets a list pass most articles over: a tag it does not carry rarely shows in an article's
     * signature. With two bits of 64 per tag and the bench's 3 to 8 tags an article, about 3%.
     */
    @Test
    void aTagAnArticleDoesNotCarryRarelyShowsInItsSignature() {
        int claimed = 0;
        int asked = 100_000;
        for (int i = 0; i < asked; i++) {
            long signature = Postings.signature(randomTags(3 + random.nextInt(6)));
            long other = Postings.bits(UUID.randomUUID());
            if ((signature & other) == other) {
                claimed++;
            }
        }
        assertThat(claimed / (double) asked).isLessThan(0.06);
        assertThat(Long.bitCount(Postings.bits(UUID.randomUUID()))).isBetween(1, 2);
    }

    @Test
    void articlesLeaveAndJoinInNewestFirstOrderKeepingTheirSignatures() {
        // numbers 0-5, visible from 600 down to 100 (5 and 0 newest, each pair alike in time: the higher number first)
        long[] visibleFrom = {600, 500, 400, 300, 200, 600};
        Postings postings = new Postings(new int[] {5, 0, 1, 3}, new long[] {50, 0, 10, 30});
        Postings updated = postings.without(Set.of(0, 3)).mergedWith(new Postings(new int[] {2, 4}, new long[] {20, 40}), visibleFrom);
        assertThat(contents(updated)).containsExactly("5:50", "1:10", "2:20", "4:40");
        assertThat(postings.without(Set.of())).isSameAs(postings);
        assertThat(contents(postings)).as("never changed in place").containsExactly("5:50", "0:0", "1:10", "3:30");
    }

    private UUID[] randomTags(int count) {
        UUID[] tags = new UUID[count];
        for (int i = 0; i < count; i++) {
            tags[i] = new UUID(random.nextLong(), random.nextLong());
        }
        return tags;
    }

    private static List<String> contents(Postings postings) {
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < postings.size(); i++) {
            contents.add(postings.article(i) + ":" + postings.signature(i));
        }
        return contents;
    }
}
