package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicNormalizerTest {

    @ParameterizedTest(name = "{0} and {1} are one word")
    @CsvSource({
            // the seed page's own variants
            "إقرأ, اقرأ",
            "مشتركة, مشتركه",
            "وهى, وهي",
            // each alef form
            "أحمد, احمد",
            "إيران, ايران",
            "آسيا, اسيا",
            "ٱلله, الله",
            // tashkeel and tatweel
            "مُشْتَرَكَة, مشتركة",
            "الإرهـــاب, الإرهاب",
            "كِتَابٌ, كتاب",
    })
    void spellingVariantsShareOneKey(String variant, String other) {
        assertThat(ArabicNormalizer.key(variant)).isEqualTo(ArabicNormalizer.key(other));
    }

    @Test
    void taaMarbutaFoldsToHeh() {
        assertThat(ArabicNormalizer.key("خطة")).isEqualTo("خطه");
    }

    @Test
    void alefMaqsuraFoldsToYeh() {
        assertThat(ArabicNormalizer.key("مصطفى")).isEqualTo("مصطفي");
    }

    @Test
    void hamzaFormsFoldToBareAlef() {
        assertThat(ArabicNormalizer.key("أإآٱ")).isEqualTo("اااا");
    }

    @Test
    void diacriticsAndTatweelDisappear() {
        assertThat(ArabicNormalizer.key("بـِسْمِ")).isEqualTo("بسم");
    }

    @Test
    void latinCaseFoldsAndSpacesCollapse() {
        assertThat(ArabicNormalizer.key("  Counter\tTERRORISM \n Plan ")).isEqualTo("counter terrorism plan");
    }

    @Test
    void arabicIndicDigitsBecomeAscii() {
        assertThat(ArabicNormalizer.key("١٨ يناير ۲۰۲۴")).isEqualTo("18 يناير 2024");
    }

    @Test
    void presentationFormsAndInvisibleMarksAreUnfolded() {
        // "لا" typed as the lam-alef ligature, with a right-to-left mark and a zero-width non-joiner
        assertThat(ArabicNormalizer.key("\uFEFB\u200F\u200Cعب")).isEqualTo("لاعب");
    }

    @Test
    void nullAndBlankGiveEmptyKey() {
        assertThat(ArabicNormalizer.key(null)).isEmpty();
        assertThat(ArabicNormalizer.key("  \u0640 ")).isEmpty();
    }

    @Test
    void searchFormKeepsTaaMarbutaAndTurnsWordFinalHehIntoIt() {
        assertThat(ArabicNormalizer.searchForm("خطة مشتركه")).isEqualTo("خطة مشتركة");
        assertThat(ArabicNormalizer.searchForm("هدف")).isEqualTo("هدف");
    }
}
