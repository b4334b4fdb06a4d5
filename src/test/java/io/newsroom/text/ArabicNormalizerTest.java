package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
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
            // Persian and Urdu letter forms typed for Arabic ones
            "کتاب, كتاب",
            "ایران, إيران",
            "پاکستان, پاكستان",
            "مشترکہ, مشتركة",
            "ھدف, هدف",
            "خانۀ, خانه",
            "ۓ, ئ",
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

    @Test
    void onePassFormAgreesWithTheGeneralRulesOnArabicAndAsciiText() {
        // Every ASCII character and every Arabic-block character that base() sends the one-pass way,
        // with white space, tashkeel, tatweel, digits and alef forms drawn more often, as texts have them.
        StringBuilder alphabet = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            alphabet.append(c);
        }
        for (char c = '\u0600'; c <= '\u06FF'; c++) {
            boolean composesOrDecomposes = (c >= '\u0610' && c <= '\u061A') || (c >= '\u0653' && c <= '\u0655') || (c >= '\u0675' && c <= '\u0678');
            if (!composesOrDecomposes) {
                alphabet.append(c);
            }
        }
        alphabet.append("  \t\n\u064E\u064F\u0650\u0651\u0652\u0640\u0660\u0669\u06F4أإآىةهAZ");
        Random random = new Random(20261129);
        for (int i = 0; i < 100_000; i++) {
            char[] text = new char[random.nextInt(40)];
            for (int j = 0; j < text.length; j++) {
                text[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(text);
            assertThat(ArabicNormalizer.baseOfArabicOrAscii(s)).as("base of %s", s.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(ArabicNormalizer.baseOfAnyText(s));
        }
    }

    @Test
    void textOutsideArabicAndAsciiTakesTheGeneralRules() {
        // alef followed by a combining hamza above composes to أ under NFKC, and folds to bare alef
        assertThat(ArabicNormalizer.key("\u0627\u0654حمد")).isEqualTo("احمد");
        assertThat(ArabicNormalizer.key("\u00A0Caf\u00C9\u2003")).isEqualTo("café");
    }
}
