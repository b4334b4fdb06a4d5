package io.newsroom.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Numbers as outlets write them read as one value: digits of any script, separators, words. */
class StoryTextTest {

    private static List<String> numbers(String text) {
        return StoryText.tokens(text, true).stream().map(StoryText.Token::number).filter(Objects::nonNull)
                .map(BigDecimal::toPlainString).toList();
    }

    @Test
    void digitsOfEveryScriptAreOneValue() {
        assertThat(numbers("مقتل 15 شخصا")).containsExactly("15");
        assertThat(numbers("مقتل ١٥ شخصا")).containsExactly("15");
        assertThat(numbers("مقتل ۱۵ شخصا")).containsExactly("15");
    }

    @Test
    void decimalPointsAndCommasAreReadAsOutletsWriteThem() {
        assertThat(numbers("بقوة 5.8 درجة")).containsExactly("5.8");
        assertThat(numbers("بقوة 5,8 درجات")).containsExactly("5.8");
        assertThat(numbers("بقوة ٥٫٨ درجة")).containsExactly("5.8");
        assertThat(numbers("بـ5,6 مليارات دينار")).containsExactly("5600000000");
        assertThat(numbers("1,000 شخص و١٬٢٠٠ متر")).containsExactly("1000", "1200");
        assertThat(numbers("1.000.000 برميل")).containsExactly("1000000");
    }

    @Test
    void numbersInWordsAreValues() {
        assertThat(numbers("خمسة عشر قتيلا")).containsExactly("15");
        assertThat(numbers("وفاة أربعة وثلاثين شخصا")).containsExactly("34");
        assertThat(numbers("ثلاثمئة وخمسون حالة")).containsExactly("350");
        assertThat(numbers("على ارتفاع ألف ومئتي متر")).containsExactly("1200");
        assertThat(numbers("أحد عشر ألف شخص")).containsExactly("11000");
        assertThat(numbers("تستهدف ستمئة وأربعين ألف طفل")).containsExactly("640000");
        assertThat(numbers("11 ألفا")).containsExactly("11000");
        assertThat(numbers("مليوني طن")).containsExactly("2000000");
        assertThat(numbers("عشرة آلاف مفقود")).containsExactly("10000");
        assertThat(numbers("اثني عشر راكبا")).containsExactly("12");
        assertThat(numbers("حاجز الخمسين درجة")).containsExactly("50");
        assertThat(numbers("وإنقاذ عشرين آخرين")).containsExactly("20");
        assertThat(numbers("للمرة الثانية عشرة")).containsExactly("12");
        assertThat(numbers("للمرة الرابعة والأربعين")).containsExactly("44");
        assertThat(numbers("تلامس الحرارة ثمانيا وأربعين درجة")).containsExactly("48");
    }

    @Test
    void aShareOfAMultiplierIsItsValue() {
        assertThat(numbers("غرامة قدرها نصف مليون دولار")).containsExactly("500000");
        assertThat(numbers("ثلاثة أرباع مليون درهم")).containsExactly("750000");
        assertThat(numbers("تهريب مليون ونصف المليون حبة")).containsExactly("1500000");
        assertThat(numbers("1,5 مليون حبة")).containsExactly("1500000");
        assertThat(numbers("تأهل إلى نصف النهائي بعد ربع ساعة")).isEmpty();
    }

    @Test
    void wordsThatOnlyLookLikeNumbersAreNot() {
        assertThat(numbers("لم يصب أحد")).isEmpty();
        assertThat(numbers("آلاف المتظاهرين وعشرات الجرحى")).isEmpty();
        assertThat(numbers("بنسبة 15 في المئة")).containsExactly("15");
        assertThat(numbers("ارتفع 1,6 بالمئة")).containsExactly("1.6");
        assertThat(numbers("مصنع في العاشر من رمضان")).isEmpty();
    }

    @Test
    void aFigureJoinedByAndStartsAClauseOfItsOwn() {
        List<StoryText.Token> tokens = StoryText.tokens("3 قتلى و15 مصابا", true);
        assertThat(tokens.get(2).number()).isEqualByComparingTo("15");
        assertThat(tokens.get(2).afterAnd()).isTrue();
        assertThat(StoryText.tokens("أربعة وثلاثين", true)).hasSize(1);
    }
}
