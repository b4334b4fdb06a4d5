package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void marksEveryWrittenVariantOfTheQueryWord() {
        String text = "أعلنت الحكومة خطة جديدة لمكافحة الإرهاب في المنطقة، وقالت إن الإِرهـــاب لن يمر.";
        String snippet = Snippets.of(text, "ارهاب", 2, 15);
        assertThat(snippet).contains("<mark>الإرهاب</mark>").contains("<mark>الإِرهـــاب</mark>");
        assertThat(snippet).doesNotContain("<mark>المنطقة</mark>");
    }

    @Test
    void prefixedQueryMarksTheBareWordAndTheOtherWayRound() {
        assertThat(Snippets.of("زار الوزير إيران أمس", "بإيران", 2, 15)).contains("<mark>إيران</mark>");
        assertThat(Snippets.of("عاد الوزير من بإيران أمس", "ايران", 2, 15)).contains("<mark>بإيران</mark>");
    }

    @Test
    void fragmentsStartAFewWordsBeforeTheMatchAndAreJoined() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(i == 10 || i == 80 ? "nuclear" : "word" + i).append(' ');
        }
        String snippet = Snippets.of(text.toString(), "Nuclear", 2, 8);
        assertThat(snippet).isEqualTo("word5 word6 word7 word8 word9 <mark>nuclear</mark> word11 word12"
                + " … word75 word76 word77 word78 word79 <mark>nuclear</mark> word81 word82");
    }

    @Test
    void matchesAroundTheEndOfTheFirstBatchOfWordsAreAllMarked() {
        // Words are normalised 48 at a time: a fragment that spans words 47 and 48 marks both sides.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append(i == 44 || i == 47 || i == 48 ? "وبإيران" : "كلمة" + i).append(' ');
        }
        String snippet = Snippets.of(text.toString(), "ايران", 1, 8);
        assertThat(snippet).isEqualTo("كلمة39 كلمة40 كلمة41 كلمة42 كلمة43 <mark>وبإيران</mark> كلمة45 كلمة46");
        assertThat(Snippets.of(text.toString(), "ايران", 2, 8)).endsWith(
                " … <mark>وبإيران</mark> <mark>وبإيران</mark> كلمة49 كلمة50 كلمة51 كلمة52 كلمة53 كلمة54");
    }

    @Test
    void withoutAMatchTheOpeningWordsAreGiven() {
        assertThat(Snippets.of("one two three four five six", "headline-only", 2, 4)).isEqualTo("one two three four");
    }

    @Test
    void theTextIsEscapedAndOnlyTheMarksAreMarkup() {
        String snippet = Snippets.of(Snippets.plainText("<p>a &lt;script&gt; &amp; <b>plan</b></p>"), "plan", 1, 10);
        assertThat(snippet).isEqualTo("a &lt;script&gt; &amp;  <mark>plan</mark>");
    }

    @Test
    void plainTextDropsTagsAndDecodesEntities() {
        assertThat(Snippets.plainText("<p>قال <a href=\"https://x.example\">المصدر</a> &quot;نعم&quot;</p>").strip())
                .isEqualTo("قال  المصدر  \"نعم\"");
        assertThat(Snippets.plainText(null)).isEmpty();
        assertThat(Snippets.of("", "x", 2, 15)).isEmpty();
    }
}
