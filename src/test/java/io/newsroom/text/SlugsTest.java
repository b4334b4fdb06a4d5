package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void arabicHeadlineKeepsItsLetters() {
        assertThat(Slugs.of("خطة عمل مشتركة")).isEqualTo("خطة-عمل-مشتركة");
    }

    @Test
    void arabicPunctuationAndDiacriticsAreDropped() {
        assertThat(Slugs.of("باكستان.. مصرع 16 إثر سقوط حافلة؟")).isEqualTo("باكستان-مصرع-16-إثر-سقوط-حافلة");
        assertThat(Slugs.of("مُشْتَرَكَة، الإرهـــاب")).isEqualTo("مشتركة-الإرهاب");
    }

    @Test
    void latinHeadlineBecomesLowerCaseAscii() {
        assertThat(Slugs.of("Café Society: Zürich's \"New\" Deal!")).isEqualTo("cafe-society-zurich-s-new-deal");
    }

    @Test
    void latinPunctuationBetweenWordsIsOneHyphen() {
        assertThat(Slugs.of("Pakistan & Iran: A Plan")).isEqualTo("pakistan-iran-a-plan");
    }

    @Test
    void mixedScriptsKeepBoth() {
        assertThat(Slugs.of("NATO و إيران: COVID-19")).isEqualTo("nato-و-إيران-covid-19");
    }

    @Test
    void punctuationOnlyHeadlineGetsFallback() {
        assertThat(Slugs.of("?!… — «»")).isEqualTo(Slugs.FALLBACK);
        assertThat(Slugs.of("؟!")).isEqualTo(Slugs.FALLBACK);
        assertThat(Slugs.of("")).isEqualTo(Slugs.FALLBACK);
    }

    @Test
    void longHeadlineIsCutAtWordBoundary() {
        String slug = Slugs.of("كلمة ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-").endsWith("كلمة");
    }

    @Test
    void collisionsGetANumberSuffix() {
        Set<String> taken = Set.of(Slugs.key("خطة-عمل"), Slugs.key("خطة-عمل-2"));
        assertThat(Slugs.unique("خطة-عمل", taken::contains)).isEqualTo("خطة-عمل-3");
        assertThat(Slugs.unique("free", taken::contains)).isEqualTo("free");
    }

    @Test
    void variantSpellingOfTakenSlugCollides() {
        Set<String> taken = Set.of(Slugs.key("خطة-عمل-مشتركة"));
        assertThat(Slugs.unique("خطه-عمل-مشتركه", taken::contains)).isEqualTo("خطه-عمل-مشتركه-2");
    }

    @Test
    void keyOfASlugMatchesItsVariants() {
        assertThat(Slugs.key("إيران-وباكستان")).isEqualTo(Slugs.key("ايران-وباكستان"));
        assertThat(Slugs.key("Iran Pakistan")).isEqualTo("iran-pakistan");
    }

    @Test
    void suffixedSlugStaysWithinMaximumLength() {
        String base = Slugs.of("word ".repeat(40));
        String unique = Slugs.unique(base, key -> key.equals(Slugs.key(base)));
        assertThat(unique).endsWith("-2");
        assertThat(unique.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
    }
}
