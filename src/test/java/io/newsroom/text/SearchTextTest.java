package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(SearchText.index("Counter-Terrorism PLAN")).isEqualTo("counter terrorism plan");
    }

    @Test
    void queryRequiresEveryWordThroughAnyOfItsForms() {
        assertThat(SearchText.tsquery("بإيران خطه")).isEqualTo("(بايران | ايران) & (خطة)");
    }

    @Test
    void queryOperatorsAndQuotesNeverReachTsquery() {
        assertThat(SearchText.tsquery("إيران & !باكستان | 'x':* \"y\" (z)")).isEqualTo("(ايران) & (باكستان | اكستان) & (x) & (y) & (z)");
        assertThat(SearchText.tsquery("&|!:*()'\"")).isEmpty();
        assertThat(SearchText.tsquery(null)).isEmpty();
    }
}
