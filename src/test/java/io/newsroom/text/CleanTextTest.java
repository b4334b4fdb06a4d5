package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanTextTest {

    @Test
    void everyC0ControlButTabAndNewlineIsRemoved() {
        for (char c = 0; c < 0x20; c++) {
            String cleaned = CleanText.text("a" + c + "b");
            String expected = c == '\t' || c == '\n' ? "a" + c + "b" : c == '\r' ? "a\nb" : "ab";
            assertThat(cleaned).as("U+%04X", (int) c).isEqualTo(expected);
        }
    }

    @Test
    void delAndEveryC1ControlAreRemoved() {
        for (char c = 0x7F; c <= 0x9F; c++) {
            assertThat(CleanText.text("خبر" + c + "عاجل")).as("U+%04X", (int) c).isEqualTo("خبرعاجل");
        }
    }

    @Test
    void carriageReturnsBecomeNewlines() {
        assertThat(CleanText.text("one\r\ntwo\rthree\n")).isEqualTo("one\ntwo\nthree\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFDD0", "\uFDEF", "\uFFFE", "\uFFFF", "\uD83F\uDFFE", "\uDBFF\uDFFF", "\uFEFF", "\uD800", "\uDC00"})
    void noncharactersByteOrderMarksAndLoneSurrogatesAreRemoved(String bad) {
        assertThat(CleanText.text("ab" + bad + "c")).isEqualTo("abc");
        assertThat(CleanText.name(bad + "إيران")).isEqualTo("إيران");
    }

    @Test
    void pairedSurrogatesStay() {
        assertThat(CleanText.text("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
    }

    @Test
    void textIsComposedToNfc() {
        assertThat(CleanText.text("cafe\u0301")).isEqualTo("caf\u00E9");
        assertThat(CleanText.text("\u0627\u0653")).isEqualTo("\u0622"); // alef + madda above → آ
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String clean = "خطة عمل مشتركة\n<p>body</p>\t";
        assertThat(CleanText.text(clean)).isSameAs(clean);
    }

    @Test
    void aLineHasNoNewlinesAndSingleSpaces() {
        assertThat(CleanText.line("  Pakistan\n\nand\u00A0\u00A0Iran\t plan \u2028")).isEqualTo("Pakistan and Iran plan");
        assertThat(CleanText.line("\u0001\u0002")).isEmpty();
        assertThat(CleanText.line(null)).isNull();
    }

    @Test
    void aNameLosesDirectionAndZeroWidthMarks() {
        assertThat(CleanText.name("\u200Fإيران\u200E")).isEqualTo("إيران");
        assertThat(CleanText.name("إي\u200Bران")).isEqualTo("إيران");
        assertThat(CleanText.name("\u202Bخطة\u202C عمل")).isEqualTo("خطة عمل");
        assertThat(CleanText.name("soft\u00ADhyphen")).isEqualTo("softhyphen");
        assertThat(CleanText.name("a \u200B b")).isEqualTo("a b");
    }

    @Test
    void aJoinerBetweenTwoLettersStaysInANameForPersianSpelling() {
        assertThat(CleanText.name("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        assertThat(CleanText.name("\u200Cخواهم\u200C")).isEqualTo("خواهم");
    }

    @Test
    void displayTextKeepsPresentationFormsAndPersianLetters() {
        assertThat(CleanText.line("\uFEFBعب کتاب")).isEqualTo("\uFEFBعب کتاب");
    }

    @Test
    void xmlOutputDropsWhatXml10Forbids() {
        assertThat(CleanText.forXml("a\u0000b\u0008c\u000Bd\uFFFEe\uFFFFf\uD800g")).isEqualTo("abcdefg");
        assertThat(CleanText.forXml("tab\tnl\ncr\r \u0085 \uFDD0 \uD83D\uDE00")).isEqualTo("tab\tnl\ncr\r \u0085 \uFDD0 \uD83D\uDE00");
        String clean = "خبر";
        assertThat(CleanText.forXml(clean)).isSameAs(clean);
    }

    @Test
    void escapedMarkupFromAnotherSystemEndsAsPlainText() {
        // what an XML parser hands over from <title>&lt;b&gt;عاجل:&lt;/b&gt; &amp;quot;قمة&amp;quot;</title>
        assertThat(CleanText.plainLine("<b>عاجل:</b> &quot;قمة&quot;")).isEqualTo("عاجل: \"قمة\"");
        // the same escaped once more (a JSON string holding the XML-escaped form)
        assertThat(CleanText.plainLine("&lt;b&gt;عاجل:&lt;/b&gt; &amp;quot;قمة&amp;quot;")).isEqualTo("عاجل: \"قمة\"");
        assertThat(CleanText.plainLine("<a href=\"https://x.example/\">محمد&nbsp;علي</a><br/>")).isEqualTo("محمد علي");
        assertThat(CleanText.plainLine("سعر &#1575;لذهب &#x1F600; <!-- tracking -->")).isEqualTo("سعر الذهب \uD83D\uDE00");
        assertThat(CleanText.plainLine("<script>alert(1)</script>خبر")).isEqualTo("خبر");
    }

    @Test
    void textWithoutTagsOrEntitiesIsOnlyCleaned() {
        for (String plain : new String[] {"a < b and c > d", "AT&T و M&S", "x<y", "5 <10", "<كلمة>", "&notanentity;", "R&D; next"}) {
            assertThat(CleanText.plainLine(plain)).as(plain).isEqualTo(plain);
        }
        String lines = "سطر أول\nسطر ثان";
        assertThat(CleanText.plainText(lines)).isSameAs(lines);
        assertThat(CleanText.plainText("<p>سطر أول</p>\n<p>سطر ثان</p>")).isEqualTo("سطر أول سطر ثان");
        assertThat(CleanText.plainLine(null)).isNull();
        assertThat(CleanText.plainText(null)).isNull();
    }

    @Test
    void plainTextIsStableWhenCleanedAgain() {
        for (String escaped : new String[] {"&amp;lt;b&amp;gt;عاجل&amp;lt;/b&amp;gt;", "&amp;amp;quot;قمة&amp;amp;quot;", "<i>&lt;b&gt;x&lt;/b&gt;</i>"}) {
            String once = CleanText.plainLine(escaped);
            assertThat(CleanText.holdsMarkup(once)).as(escaped + " → " + once).isFalse();
            assertThat(CleanText.plainLine(once)).isEqualTo(once);
        }
    }
}
