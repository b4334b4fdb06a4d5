package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BylinesTest {

    @Test
    void arabicJoinsTheLastNameWithAnAttachedWaw() {
        assertThat(Bylines.of(List.of("محمد علي"), "ar")).isEqualTo("محمد علي");
        assertThat(Bylines.of(List.of("محمد علي", "سارة أحمد"), "ar")).isEqualTo("محمد علي وسارة أحمد");
        assertThat(Bylines.of(List.of("محمد علي", "سارة أحمد", "ليلى حسن"), "ar-EG")).isEqualTo("محمد علي، سارة أحمد وليلى حسن");
    }

    @Test
    void englishSaysAndOtherLanguagesListWithCommas() {
        assertThat(Bylines.of(List.of("Jane Doe", "John Roe"), "en")).isEqualTo("Jane Doe and John Roe");
        assertThat(Bylines.of(List.of("A", "B", "C"), "en-GB")).isEqualTo("A, B and C");
        assertThat(Bylines.of(List.of("Anna", "Jean"), "fr")).isEqualTo("Anna, Jean");
        assertThat(Bylines.of(List.of(), "ar")).isNull();
    }

    @Test
    void namesAreReadFromTheWaysBylinesAreWritten() {
        assertThat(Bylines.names("محمد عبد الله")).containsExactly("محمد عبد الله");
        assertThat(Bylines.names("sports@alwafd.example (قسم الرياضة)")).containsExactly("قسم الرياضة");
        assertThat(Bylines.names("newsroom@example.org")).isEmpty();
        assertThat(Bylines.names("By Jane Doe and John Roe")).containsExactly("Jane Doe", "John Roe");
        assertThat(Bylines.names("بقلم: سارة أحمد، محمد علي")).containsExactly("سارة أحمد", "محمد علي");
        assertThat(Bylines.names("A; B & C | D")).containsExactly("A", "B", "C", "D");
        assertThat(Bylines.names("  ")).isEmpty();
        assertThat(Bylines.names("*** — محمد علي")).containsExactly("*** — محمد علي");
        assertThat(Bylines.names("***, —")).isEmpty();
        assertThat(Bylines.names(null)).isEmpty();
    }

    @Test
    void wawIsNeverASeparatorSinceNamesBeginWithIt() {
        assertThat(Bylines.names("وليد جنبلاط")).containsExactly("وليد جنبلاط");
        assertThat(Bylines.names("علي وليد")).containsExactly("علي وليد");
    }

    @Test
    void spellingVariantsOfOneNameInOneBylineAreOneWriter() {
        assertThat(Bylines.names("محمد علي، محمد على")).containsExactly("محمد علي");
    }

    @Test
    void markupFromOtherSystemsIsReadAsText() {
        assertThat(Bylines.names("&lt;b&gt;سارة أحمد&lt;/b&gt;")).containsExactly("سارة أحمد");
    }
}
