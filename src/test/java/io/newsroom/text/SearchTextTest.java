package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void prefixedWordIsIndexedWithItsPeeledForms() {
        assertThat(SearchText.forms("وللارهاب")).containsExactly("وللارهاب", "للارهاب", "ارهاب");
        assertThat(SearchText.forms("بالجامعة")).containsExactly("بالجامعة", "الجامعة", "جامعة");
        assertThat(SearchText.forms("والمعلمين")).containsExactly("والمعلمين", "المعلمين", "معلمين", "معلم");
    }

    @Test
    void shortWordsAreNotPeeledToNothing() {
        assertThat(SearchText.forms("وزن")).containsExactly("وزن");
        assertThat(SearchText.forms("بيت")).containsExactly("بيت");
    }

    @Test
    void latinWordsAreOnlyNormalised() {
        assertThat(SearchText.forms("terrorism")).containsExactly("terrorism");
        assertThat(SearchText.words("Counter-Terrorism PLAN")).containsExactly("counter", "terrorism", "plan");
    }

    @Test
    void vectorHoldsEachWordsLexemesAtTheWordsPosition() {
        // والمعلمين: its forms stem to two lexemes, both at position 2; English stop words are left out.
        assertThat(entries(SearchText.vector("نظم والمعلمين", "the Teachers of Iran")))
                .containsExactlyInAnyOrder("'نظم':1", "'والمعلم':2", "'معلم':2", "'teacher':4", "'iran':6");
    }

    @Test
    void aRepeatedWordAddsPositionsToOneLexeme() {
        assertThat(SearchText.vector("plan Plans planning")).isEqualTo("'plan':1,2,3");
    }

    @Test
    void positionsStopAtTheLimitOfATsvector() {
        String words = IntStream.range(0, 17_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        String vector = SearchText.vector(words, "last");
        assertThat(entries(vector)).hasSize(17_001).contains("'w0':1", "'w1':2", "'w16381':16382", "'w16382':16383", "'w16383':16383",
                "'w16999':16383", "'last':16383");
        assertThat(SearchText.vector("x ".repeat(300)).split(",")).hasSize(256);
    }

    @Test
    void lexemesPostgreSqlWouldRefuseAreLeftOut() {
        String tooLong = "7".repeat(2_047); // a tsvector lexeme is under 2 KB
        assertThat(entries(SearchText.vector("before " + tooLong + " after"))).containsExactlyInAnyOrder("'befor':1", "'after':3");

        // A tsvector holds at most 1 MB of lexemes and positions: a text with more keeps its first words.
        String manyWords = IntStream.range(0, 120_000).mapToObj(i -> "word" + i + " w" + (i % 3)).collect(Collectors.joining(" "));
        List<String> kept = entries(SearchText.vector(manyWords));
        int size = kept.stream().mapToInt(entry -> {
            int quote = entry.lastIndexOf('\'');
            return quote - 1 + 3 + 2 * entry.substring(quote + 2).split(",").length; // lexeme, alignment and count, positions
        }).sum();
        assertThat(size).isBetween(990_000, 1_000_000);
        assertThat(kept).contains("'word0':1").anyMatch(entry -> entry.startsWith("'w0':2,"));
    }

    private static List<String> entries(String vector) {
        return List.of(vector.split(" "));
    }

    @Test
    void queryLeavesOutLexemesPostgreSqlWouldRefuse() {
        String tooLong = "7".repeat(2_047);
        assertThat(SearchText.tsquery("plans " + tooLong)).isEqualTo("('plan')");
        assertThat(SearchText.tsquery(tooLong)).isEmpty();
    }

    @Test
    void queryRequiresEveryWordThroughTheLexemeOfAnyOfItsForms() {
        // Snowball's own stems: it takes بايران for a dual (ان), and keeps ايران whole.
        assertThat(SearchText.tsquery("بإيران خطه")).isEqualTo("('باير' | 'ايران') & ('خطة')");
        assertThat(SearchText.tsquery("the plans")).isEqualTo("('plan')");
    }

    @Test
    void queryOperatorsAndQuotesNeverReachTsquery() {
        assertThat(SearchText.tsquery("إيران & !باكستان | 'x':* \"y\" (z)")).isEqualTo("('ايران') & ('باكست' | 'اكست') & ('x') & ('y') & ('z')");
        assertThat(SearchText.tsquery("&|!:*()'\"")).isEmpty();
        assertThat(SearchText.tsquery("the of")).isEmpty();
        assertThat(SearchText.tsquery(null)).isEmpty();
    }
}
