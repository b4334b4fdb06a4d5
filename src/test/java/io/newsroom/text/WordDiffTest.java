package io.newsroom.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.text.WordDiff.Operation;
import io.newsroom.text.WordDiff.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void arabicWordsStayWholeWithTheirDiacriticsAndClitics() {
        List<Segment> segments = WordDiff.diff("وزير الخارجية يلتقي نظيره في القاهرة", "وزيرُ الخارجية يلتقي نظيرَه في الرياض");
        assertThat(segments).containsExactly(
                new Segment(Operation.DELETE, "وزير"), new Segment(Operation.INSERT, "وزيرُ"),
                new Segment(Operation.EQUAL, " الخارجية يلتقي "),
                new Segment(Operation.DELETE, "نظيره"), new Segment(Operation.INSERT, "نظيرَه"),
                new Segment(Operation.EQUAL, " في "),
                new Segment(Operation.DELETE, "القاهرة"), new Segment(Operation.INSERT, "الرياض"));
    }

    @Test
    void markupOnlyChangesAreNoChange() {
        String before = WordDiff.textOfHtml("<p>قال الوزير إن <b>المحادثات</b> مستمرة.</p><p>وأضاف أن الاتفاق قريب</p>");
        String after = WordDiff.textOfHtml("<p>قال الوزير إن المحادثات <a href=\"https://example.org\">مستمرة</a>.</p>\n<p>وأضاف   أن الاتفاق قريب</p>");
        assertThat(WordDiff.changes(WordDiff.diff(before, after))).isFalse();
    }

    @Test
    void punctuationIsItsOwnUnitAndTheHtmlIsEscaped() {
        List<Segment> segments = WordDiff.diff("Talks <resume>, officials say", "Talks resume; officials say");
        assertThat(WordDiff.html(segments)).isEqualTo("Talks <del>&lt;</del>resume<del>&gt;,</del><ins>;</ins> officials say");
        assertThat(WordDiff.changes(segments)).isTrue();
    }

    @Test
    void numbersAndMixedScriptsAreWords() {
        assertThat(WordDiff.tokens("ارتفع 12.5% في 2026")).containsExactly("ارتفع", " ", "12", ".", "5", "%", " ", "في", " ", "2026");
    }
}
