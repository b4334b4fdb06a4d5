package io.newsroom.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The same-story decision measured on all labelled pairs (StoryEvaluation.LABELLED): pairs of Arabic
 * headline + lead telling one event in two outlets' words, and pairs of different events that share a
 * country, a city, a number, a minister or whole phrases, written by two writers
 * (src/test/resources/stories/same-story-pairs.tsv, then other-writer-pairs.tsv), and a third batch
 * scored before it was fitted on (third-batch-pairs.tsv), one agency copy republished (wire-copy-pairs.tsv), and a
 * third writer's (third-writer-pairs.tsv, the held-out set of the model before, measured once, then folded in), and a
 * fourth writer's (fourth-writer-pairs.tsv, the held-out set of round 2, likewise), and the fifth to eighth writers'
 * (the held-out sets of rounds 3 to 6, likewise). The model's
 * coefficients are fitted and its threshold chosen by cross-validation (StoryEvaluation); the model
 * fitted on the first writer's pairs alone is measured on the other's, which says how it carries to
 * text its author did not write; each signal is measured by leaving it out. The held-out set no one
 * tuned on is SameStoryHeldOutTest's.
 */
class SameStoryTest {

    static final String TUNING_SET = StoryEvaluation.LABELLED.get(0);
    static final String OTHER_WRITER = StoryEvaluation.LABELLED.get(1);
    static final String THIRD_WRITER = StoryEvaluation.LABELLED.get(4);
    static final String FOURTH_WRITER = StoryEvaluation.LABELLED.get(5);
    static final String FIFTH_WRITER = StoryEvaluation.LABELLED.get(6);
    static final String SIXTH_WRITER = StoryEvaluation.LABELLED.get(7);
    static final String SEVENTH_WRITER = StoryEvaluation.LABELLED.get(8);
    static final String EIGHTH_WRITER = StoryEvaluation.LABELLED.get(9);
    static final StoryLexicon LEXICON = StoryEvaluation.LEXICON;

    @Test
    void theLabelledPairsHoldBothKindsFromEachSource() throws IOException {
        List<StoryEvaluation.Pair> first = StoryEvaluation.pairs(TUNING_SET);
        assertThat(first.stream().filter(StoryEvaluation.Pair::same)).hasSizeGreaterThanOrEqualTo(200);
        assertThat(first.stream().filter(p -> !p.same())).hasSizeGreaterThanOrEqualTo(200);
        List<StoryEvaluation.Pair> other = StoryEvaluation.pairs(OTHER_WRITER);
        assertThat(other.stream().filter(StoryEvaluation.Pair::same)).hasSizeGreaterThanOrEqualTo(70);
        assertThat(other.stream().filter(p -> !p.same())).hasSizeGreaterThanOrEqualTo(70);
        List<StoryEvaluation.Pair> third = StoryEvaluation.pairs(StoryEvaluation.LABELLED.get(2));
        assertThat(third.stream().filter(StoryEvaluation.Pair::same)).hasSizeGreaterThanOrEqualTo(20);
        assertThat(third.stream().filter(p -> !p.same())).hasSizeGreaterThanOrEqualTo(20);
        assertThat(StoryEvaluation.pairs(StoryEvaluation.LABELLED.get(3))).hasSizeGreaterThanOrEqualTo(40);
        List<StoryEvaluation.Pair> thirdWriter = StoryEvaluation.pairs(THIRD_WRITER);
        assertThat(thirdWriter.stream().filter(StoryEvaluation.Pair::same)).hasSizeGreaterThanOrEqualTo(100);
        assertThat(thirdWriter.stream().filter(p -> !p.same())).hasSizeGreaterThanOrEqualTo(100);
        List<StoryEvaluation.Pair> fourthWriter = StoryEvaluation.pairs(FOURTH_WRITER);
        assertThat(fourthWriter.stream().filter(StoryEvaluation.Pair::same)).hasSizeGreaterThanOrEqualTo(100);
        assertThat(fourthWriter.stream().filter(p -> !p.same())).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void oneAgencyCopyRepublishedIsOneStory() {
        String headline = "مقتل 4 أشخاص في انفجار سيارة مفخخة بالمكلا";
        String lead = "قتل أربعة أشخاص وأصيب آخرون في انفجار سيارة مفخخة استهدف نقطة أمنية في مدينة المكلا بمحافظة حضرموت شرق اليمن صباح اليوم.";
        assertThat(same(headline, lead, headline, lead)).isTrue();
        assertThat(same(headline, lead, "عاجل | " + headline, "(رويترز) - " + lead)).isTrue();
    }

    @Test
    void crossValidatedOnAllLabelledPairsTheDecisionKeepsItsMeasuredPrecisionAndRecall() throws IOException {
        List<StoryEvaluation.Judged> judged = StoryEvaluation.judge(StoryEvaluation.pairs(StoryEvaluation.LABELLED), StorySignal.all());
        StoryEvaluation.CrossValidated cv = StoryEvaluation.crossValidate(judged, StoryEvaluation.FOLDS);
        System.out.println("Same-story decision, " + StoryEvaluation.FOLDS + "-fold cross-validation on " + judged.size() + " labelled pairs:");
        for (int f = 0; f < cv.folds().size(); f++) {
            System.out.printf("  fold %d: model fitted and threshold %.3f chosen on the other folds; %s%n", f + 1, cv.thresholds().get(f),
                    cv.folds().get(f));
        }
        System.out.println("  pooled out-of-fold: " + cv.pooled());
        cv.bySource().forEach((source, measured) -> System.out.println("  of which " + source + ": " + measured));
        // measured 2026-12-07 on 949 pairs, the third writer's among them: precision 0.960, recall 0.791 (TP 389, FP 16, FN 103;
        // before the conflicts were narrowed: 0.958, 0.789). Without the third writer's pairs it was 0.965 and 0.832: that
        // writer's pairs are harder for a model fitted on the others. With the fourth writer's folded in (1,187 pairs):
        // 0.960 / 0.786 (TP 481, FP 20, FN 131). Round 3 (docs/benchmarks.md): with the spellings' likeness, the leads'
        // datelines, a figure both give and the likeness outside the headlines, 0.968 / 0.840 (TP 514, FP 17, FN 98); with
        // one kind of event in both headlines, 0.967 / 0.856 (TP 524, FP 18, FN 88); with bodies read as the dead and no
        // figure counted by a demonym, 0.967 / 0.859 (TP 526, FP 18, FN 86). The issue's targets are 0.97 and 0.85.
        // Round 4 (the fifth writer's pairs folded in, 1,447 pairs; a release on bail, an opening and a closing, a swearing-in
        // read as outcomes; thresholds chosen by asking 0.98 of the training pairs): 0.981 / 0.761 (TP 565, FP 11, FN 177).
        // At 0.97 it was 0.964 / 0.863: the stricter rule is chosen on writers left out (leaveWritersOut below). Round 5
        // (the sixth writer's pairs folded in, 1,684 pairs, nothing else changed): 0.977 / 0.735 (TP 633, FP 15, FN 228).
        // Round 6 (the seventh writer's pairs folded in, 1,913 pairs: 0.980 / 0.739; then readings made right: shares of a
        // multiplier, near figures, a release that ends a detention, parts of one toll, parties' places, the elections as no
        // one elected, and synonyms): 0.979 / 0.779 (TP 760, FP 16, FN 216). Round 7 (the eighth writer's pairs folded in,
        // 2,153 pairs: 0.977 / 0.739; then readings made right, the RSF read as a body, and the 0.9825 rule): 0.979 / 0.777
        // (TP 852, FP 18, FN 244).
        assertThat(cv.pooled().precision()).as(cv.pooled().toString()).isGreaterThanOrEqualTo(0.978);
        assertThat(cv.pooled().recall()).as(cv.pooled().toString()).isGreaterThanOrEqualTo(0.776);
    }

    @Test
    void eachWriterJudgedByTheModelFittedOnTheOthersKeepsItsMeasuredPrecisionAndRecall() throws IOException {
        List<StoryEvaluation.Judged> judged = StoryEvaluation.judge(StoryEvaluation.pairs(StoryEvaluation.LABELLED), StorySignal.all());
        StoryEvaluation.Measured pooled = StoryEvaluation.leaveWritersOut(judged, StoryEvaluation.WRITERS);
        System.out.println("Each writer's pairs judged by the model fitted on the other files, pooled: " + pooled);
        // measured 2026-12-07 (round 4): 0.974 / 0.735 (TP 333, FP 9, FN 120). Asking 0.97 of the training pairs gave
        // 0.955 / 0.806 here, 0.975 gave 0.965 / 0.784: the issue's 0.97 on a writer no one tuned to needs 0.98. Round 5,
        // the sixth writer among the five left out in turn: 0.966 / 0.703 (TP 402, FP 14, FN 170); 0.97 gave 0.947 / 0.783,
        // 0.975 0.956 / 0.755: no rule reaches 0.97 any more (0.985 finds no threshold that precise and falls back).
        // Round 6, the seventh writer among the six left out: 0.969 / 0.726 (TP 499, FP 16, FN 188) before its changes,
        // 0.969 / 0.770 (TP 529, FP 17, FN 158) after; 0.985 gave 0.973 / 0.744 then, 0.975 0.965 / 0.805. Round 7, the
        // eighth writer among the seven left out: 0.970 / 0.732 (TP 591, FP 18, FN 216) before its changes; after them, at
        // 0.98 0.968 / 0.787 (FP 21), at 0.9825 (the rule since) 0.973 / 0.766 (TP 618, FP 17, FN 189), at 0.985 0.977 / 0.729.
        assertThat(pooled.precision()).as(pooled.toString()).isGreaterThanOrEqualTo(0.972);
        assertThat(pooled.recall()).as(pooled.toString()).isGreaterThanOrEqualTo(0.765);
    }

    @Test
    void fittedOnOneWriterThePairsOfAnotherAreJudgedNoWorseThanMeasured() throws IOException {
        StoryEvaluation.Model first = StoryEvaluation.fit(StoryEvaluation.judge(StoryEvaluation.pairs(TUNING_SET), StorySignal.all()));
        StoryEvaluation.Measured other = StoryEvaluation.measure(StoryEvaluation.judge(StoryEvaluation.pairs(OTHER_WRITER), StorySignal.all()), first);
        System.out.printf("Fitted on %s (threshold %.3f), measured on %s: %s%n", TUNING_SET, first.threshold(), OTHER_WRITER, other);
        // measured 2026-12-07: precision 0.847, recall 0.667 (TP 50, FP 9, FN 25). Before the count conflicts were narrowed
        // 0.775 and 0.733: fewer wrong conflicts on the first writer's different events leave the model more of them to
        // learn from, and the threshold it chooses rose from 0.760 to 0.818. The threshold rule before: 0.698 and 0.493.
        // The other writer's pairs were read while the figures were chosen: this is a development figure, not a held-out one.
        // Round 3 (a figure both give, the likeness outside the headlines): 0.836 / 0.813 (TP 61, FP 12, FN 14); with one kind
        // of event in both headlines 0.824 / 0.813 (TP 61, FP 13, FN 14). Round 6: 0.849 / 0.827 (TP 62, FP 11, FN 13);
        // round 7: 0.853 / 0.853 (TP 64, FP 11, FN 11).
        assertThat(other.precision()).as(other.toString()).isGreaterThanOrEqualTo(0.82);
        assertThat(other.recall()).as(other.toString()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void fittedWithoutTheThirdWriterThatWritersPairsAreJudgedNoWorseThanMeasured() throws IOException {
        StoryEvaluation.Measured third = fittedWithout(THIRD_WRITER);
        // measured 2026-12-07 (round 2, before the fourth writer's pairs were folded in): precision 0.967, recall 0.695 (TP 89,
        // FP 3, FN 39). With the fourth writer's pairs among those fitted on: 0.958 / 0.711 (TP 91, FP 4, FN 37); after round 3,
        // 0.956 / 0.852 (TP 109, FP 5, FN 19). Measured once as a held-out set before round 2: 0.944 and 0.664. Its errors
        // were read: a development figure, not a held-out one. Round 4 (the 0.98 rule): 0.970 / 0.766 (TP 98, FP 3, FN 30);
        // round 5: 0.970 / 0.750 (TP 96, FP 3, FN 32); round 6: 0.973 / 0.844 (TP 108, FP 3, FN 20); round 7: 0.982 / 0.852 (TP 109, FP 2, FN 19).
        assertThat(third.precision()).as(third.toString()).isGreaterThanOrEqualTo(0.981);
        assertThat(third.recall()).as(third.toString()).isGreaterThanOrEqualTo(0.851);
    }

    @Test
    void fittedWithoutTheFourthWriterThatWritersPairsAreJudgedNoWorseThanMeasured() throws IOException {
        StoryEvaluation.Measured fourth = fittedWithout(FOURTH_WRITER);
        // measured once as the held-out set of round 2, by the lead: precision 0.987, recall 0.625 (TP 75, FP 1, FN 45). Its
        // errors were read in round 3 (docs/benchmarks.md): from then on a development figure, not a held-out one. After
        // round 3: 0.989 / 0.725 (TP 87, FP 1, FN 33). Round 4 (the 0.98 rule): 1.000 / 0.617 (TP 74, FP 0, FN 46); round 5:
        // 1.000 / 0.633 (TP 76, FP 0, FN 44); round 6: 1.000 / 0.650 (TP 78, FP 0, FN 42); round 7 the same.
        assertThat(fourth.precision()).as(fourth.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(fourth.recall()).as(fourth.toString()).isGreaterThanOrEqualTo(0.65);
    }

    @Test
    void fittedWithoutTheFifthWriterThatWritersPairsAreJudgedNoWorseThanMeasured() throws IOException {
        StoryEvaluation.Measured fifth = fittedWithout(FIFTH_WRITER);
        // measured once as the held-out set of round 3, by the lead: precision 0.925, recall 0.854 (TP 111, FP 9, FN 19). Its
        // errors were read in round 4: a development figure from then on. After round 4: 0.972 / 0.792 (TP 103, FP 3, FN 27);
        // round 5: 0.970 / 0.754 (TP 98, FP 3, FN 32); round 6: 0.972 / 0.800 (TP 104, FP 3, FN 26); round 7: 0.964 / 0.823
        // (TP 107, FP 4, FN 23): one wrong join more at the lower threshold the other files now choose (0.8581).
        assertThat(fifth.precision()).as(fifth.toString()).isGreaterThanOrEqualTo(0.963);
        assertThat(fifth.recall()).as(fifth.toString()).isGreaterThanOrEqualTo(0.822);
    }

    @Test
    void fittedWithoutTheSixthWriterThatWritersPairsAreJudgedNoWorseThanMeasured() throws IOException {
        StoryEvaluation.Measured sixth = fittedWithout(SIXTH_WRITER);
        // measured once as the held-out set of round 4, by the lead: precision 0.963, recall 0.664 (TP 79, FP 3, FN 40), the
        // same model as now without that writer's pairs. Its errors were read in round 5: a development figure from then on.
        // Round 5: 0.975 / 0.664 (TP 79, FP 2, FN 40); round 6 (its misread conflicts made right): 0.978 / 0.731 (TP 87, FP 2,
        // FN 32); round 7: 0.978 / 0.765 (TP 91, FP 2, FN 28).
        assertThat(sixth.precision()).as(sixth.toString()).isGreaterThanOrEqualTo(0.977);
        assertThat(sixth.recall()).as(sixth.toString()).isGreaterThanOrEqualTo(0.764);
    }

    @Test
    void fittedWithoutTheSeventhWriterThatWritersPairsAreJudgedNoWorseThanMeasured() throws IOException {
        StoryEvaluation.Measured seventh = fittedWithout(SEVENTH_WRITER);
        // measured once as the held-out set of round 5, by the lead: precision 0.976, recall 0.713 (TP 82, FP 2, FN 33), the
        // same model as round 6's starting point without that writer's pairs. Its errors were read in round 6: a development
        // figure from then on. After round 6: 0.978 / 0.774 (TP 89, FP 2, FN 26); round 7: 0.978 / 0.791 (TP 91, FP 2, FN 24).
        assertThat(seventh.precision()).as(seventh.toString()).isGreaterThanOrEqualTo(0.977);
        assertThat(seventh.recall()).as(seventh.toString()).isGreaterThanOrEqualTo(0.79);
    }

    @Test
    void fittedWithoutTheEighthWriterThatWritersPairsAreJudgedNoWorseThanMeasured() throws IOException {
        StoryEvaluation.Measured eighth = fittedWithout(EIGHTH_WRITER);
        // measured once as the held-out set of round 6, by the lead: precision 0.946, recall 0.583 (TP 70, FP 4, FN 50), the
        // same model as round 7's starting point without that writer's pairs. Its errors were read in round 7: a development
        // figure from then on. After round 7: 0.952 / 0.658 (TP 79, FP 4, FN 41).
        assertThat(eighth.precision()).as(eighth.toString()).isGreaterThanOrEqualTo(0.951);
        assertThat(eighth.recall()).as(eighth.toString()).isGreaterThanOrEqualTo(0.658);
    }

    /** The model fitted on the labelled pairs but one writer's, measured on that writer's. */
    private static StoryEvaluation.Measured fittedWithout(String writer) throws IOException {
        StoryEvaluation.Model others = StoryEvaluation.fit(StoryEvaluation.judge(StoryEvaluation.pairs(StoryEvaluation.labelledBut(writer)),
                StorySignal.all()));
        StoryEvaluation.Measured measured = StoryEvaluation.measure(StoryEvaluation.judge(StoryEvaluation.pairs(writer), StorySignal.all()), others);
        System.out.printf("Fitted without %s (threshold %.3f), measured on it: %s%n", writer, others.threshold(), measured);
        return measured;
    }

    @Test
    void theShippedModelIsTheOneAllLabelledPairsFit() throws IOException {
        List<StoryEvaluation.Judged> judged = StoryEvaluation.judge(StoryEvaluation.pairs(StoryEvaluation.LABELLED), StorySignal.all());
        StoryEvaluation.Model model = StoryEvaluation.fit(judged);
        System.out.printf("Fitted on all labelled pairs: %s, threshold %.3f; there: %s%n", java.util.Arrays.toString(model.coefficients()),
                model.threshold(), StoryEvaluation.measure(judged, model));
        for (int i = 0; i < model.coefficients().length; i++) {
            assertThat(SameStory.COEFFICIENTS[i]).as("coefficient " + i).isCloseTo(model.coefficients()[i], within(1e-5));
        }
        assertThat(SameStory.COEFFICIENTS).hasSize(PairFeatures.COUNT + 1);
        assertThat(SameStory.DEFAULT_THRESHOLD).isCloseTo(model.threshold(), within(1e-9));
        assertThat(new StoryProperties(true, java.time.Duration.ofHours(72), SameStory.DEFAULT_THRESHOLD).threshold())
                .isEqualTo(SameStory.DEFAULT_THRESHOLD);
    }

    @Test
    void eachSignalIsMeasuredByLeavingItOut() throws IOException {
        List<StoryEvaluation.Pair> pairs = StoryEvaluation.pairs(StoryEvaluation.LABELLED);
        StoryEvaluation.Measured all = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, StorySignal.all()), StoryEvaluation.FOLDS).pooled();
        System.out.println("What each signal buys (pooled out-of-fold over all labelled pairs, each left out in turn, the model fitted again):");
        System.out.printf("  %-28s %s%n", "all signals", all);
        for (StorySignal signal : StorySignal.values()) {
            StoryEvaluation.Measured without = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, StoryEvaluation.without(signal)),
                    StoryEvaluation.FOLDS).pooled();
            System.out.printf("  %-28s %s  (precision %+.3f, recall %+.3f)%n", "without " + signal, without,
                    without.precision() - all.precision(), without.recall() - all.recall());
        }
        Set<StorySignal> wordsAlone = EnumSet.of(StorySignal.ROOTS, StorySignal.NUMBERS, StorySignal.SYNONYMS, StorySignal.WEIGHTS, StorySignal.LEAD,
                StorySignal.HEADLINE, StorySignal.OWN_WORDS, StorySignal.SPELLINGS, StorySignal.FIGURES, StorySignal.REST,
                StorySignal.EVENTS);
        StoryEvaluation.Measured noConflicts = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, wordsAlone), StoryEvaluation.FOLDS).pooled();
        Set<StorySignal> diceAlone = EnumSet.complementOf(EnumSet.of(StorySignal.HEADLINE, StorySignal.OWN_WORDS, StorySignal.SPELLINGS,
                StorySignal.FIGURES, StorySignal.REST, StorySignal.EVENTS));
        StoryEvaluation.Measured dice = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, diceAlone), StoryEvaluation.FOLDS).pooled();
        Set<StorySignal> plainWords = EnumSet.of(StorySignal.LEAD);
        StoryEvaluation.Measured plain = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, plainWords), StoryEvaluation.FOLDS).pooled();
        System.out.printf("  %-28s %s%n", "paraphrase signals, no conflict", noConflicts);
        System.out.printf("  %-28s %s%n", "weighted Dice alone, conflicts", dice);
        System.out.printf("  %-28s %s%n", "plain Dice over stems", plain);
        // conflicts are what keeps different events apart; Dice alone cannot reach the precision the model reaches
        assertThat(noConflicts.precision()).as(noConflicts.toString()).isLessThan(all.precision() - 0.1);
        assertThat(dice.precision()).as(dice.toString()).isLessThan(all.precision() - 0.03);
        assertThat(plain.recall() + plain.precision()).as(plain.toString()).isLessThan(all.recall() + all.precision());
    }

    @Test
    void aFigureBothGiveIsOneThatSaysSomethingOfItsOwn() {
        assertThat(PairFeatures.sharesAFigure(StorySignature.of("عجز 5,6 مليار دينار", null, LEXICON).words(),
                StorySignature.of("عجز مقدر بـ٥٫٦ مليار دينار", null, LEXICON).words())).isTrue();
        assertThat(PairFeatures.sharesAFigure(StorySignature.of("نقل 15 مصابا", null, LEXICON).words(),
                StorySignature.of("إصابة 15 شخصا", null, LEXICON).words())).isTrue();
        // a year, or a small count any two events may share, says nothing of its own
        assertThat(PairFeatures.sharesAFigure(StorySignature.of("ميزانية 2026", null, LEXICON).words(),
                StorySignature.of("انتخابات 2026", null, LEXICON).words())).isFalse();
        assertThat(PairFeatures.sharesAFigure(StorySignature.of("مقتل 3 جنود", null, LEXICON).words(),
                StorySignature.of("اعتقال 3 متهمين", null, LEXICON).words())).isFalse();
    }

    @Test
    void conflictsNameWhatDiffers() {
        assertThat(contradiction("اجتماع وزراء الخارجية العرب في القاهرة لبحث الأزمة السورية",
                "اجتماع وزراء الخارجية العرب في القاهرة لبحث الأزمة الليبية")).isEqualTo("country: SY ≠ LY");
        assertThat(contradiction("مقتل 5 في هجوم بشمال سيناء", "مقتل 3 في هجوم بشمال سيناء")).isEqualTo("count ~killed: 5 ≠ 3");
        assertThat(contradiction("وزير الخارجية الأردني يصل إلى دمشق", "وزير الخارجية السوري يصل إلى عمان")).startsWith("place: damascus ≠");
        assertThat(contradiction("المركزي المصري يرفع أسعار الفائدة", "المركزي المصري يبقي أسعار الفائدة دون تغيير")).isEqualTo("change: up ≠ hold");
        assertThat(contradiction("الإفراج عن 20 طالبا خطفوا في نيجيريا", "خطف 20 طالبا في نيجيريا")).isEqualTo("decision: freed ≠ detained");
        assertThat(contradiction("المغرب يفوز على مصر", "المغرب يخسر أمام مصر")).isEqualTo("result: win ≠ lose");
        assertThat(contradiction("البرلمان يقر قانون الانتخابات", "البرلمان يرفض قانون الانتخابات")).isEqualTo("decision: approve ≠ reject");
        assertThat(contradiction("السجن 5 سنوات لرجل أعمال", "براءة رجل أعمال")).isEqualTo("decision: convict ≠ acquit");
        assertThat(contradiction("إسبانيا تعترف بدولة فلسطين", "النرويج تعترف بدولة فلسطين")).startsWith("country: ES ≠ NO");
        assertThat(contradiction("الإعدام لثلاثة متهمين بقتل ضابط", "المؤبد لثلاثة متهمين بقتل ضابط")).isEqualTo("sentence: death ≠ life");
        assertThat(contradiction("إغلاق معبر رفح أمام المسافرين", "إعادة فتح معبر رفح أمام المسافرين")).isEqualTo("access: closed ≠ open");
        assertThat(contradiction("رحيل الشاعر السوداني الكبير", "رحيل الشاعر المصري الكبير")).startsWith("country: SD ≠ EG");
        assertThat(contradiction("ليفربول يتعاقد مع لاعب هولندي", "أرسنال يتعاقد مع لاعب هولندي")).isEqualTo("club: liverpool ≠ arsenal");
    }

    @Test
    void aCountConflictsOnlyOnAConfidentReading() {
        // a toll and a tally told the other way round: each text gives the other's figure
        assertThat(Conflicts.first(StorySignature.of("كسلا تسجل 120 حالة كوليرا", "من بين 3000 فحص", LEXICON),
                StorySignature.of("كسلا تفحص 3000 حالة", "ثبتت الكوليرا في 120 منها", LEXICON), StorySignal.all())).isNull();
        // one figure the other rounded
        assertThat(contradiction("الغزواني يفوز بنسبة 56.12% من الأصوات", "الغزواني يفوز بنسبة 56% من الأصوات")).isNull();
        // a year is no count of years
        assertThat(contradiction("سوق دبي في أعلى مستوى منذ عام 2008", "سوق دبي في أعلى مستوى منذ 16 عاما")).isNull();
        // but two figures for one count, neither given by the other text, and two years, still conflict
        assertThat(contradiction("مقتل 5 في هجوم بشمال سيناء", "مقتل 3 في هجوم بشمال سيناء")).isEqualTo("count ~killed: 5 ≠ 3");
        assertThat(contradiction("السعودية تعلن ميزانية عام 2025", "السعودية تعلن ميزانية عام 2024")).startsWith("count");
        assertThat(Conflicts.agree(new java.math.BigDecimal("5.8"), new java.math.BigDecimal("5.9"))).isFalse();
        assertThat(Conflicts.agree(new java.math.BigDecimal("5.8"), new java.math.BigDecimal("5.83"))).isTrue();
    }

    @Test
    void aReadingOfWhatHappenedNowIsNoConflict() {
        // a figure given as near agrees with one near it; an exact one still conflicts
        assertThat(contradiction("اتفاق على تبادل أكثر من 800 أسير", "صفقة لتبادل نحو 880 أسيرا")).isNull();
        assertThat(contradiction("اتفاق على تبادل 800 أسير", "صفقة لتبادل 880 أسيرا")).startsWith("count");
        // a release ends the detention a text also tells; asked for, it is no release
        assertThat(Conflicts.first(StorySignature.of("الإفراج عن صحفي سوداني", null, LEXICON),
                StorySignature.of("عودة الصحفي إلى أسرته", "الصحفي الذي احتجزته قوات الدعم السريع أفرج عنه", LEXICON), StorySignal.all())).isNull();
        assertThat(Conflicts.first(StorySignature.of("الإفراج عن صحفي يمني", null, LEXICON),
                StorySignature.of("الحوثيون يختطفون صحفيا يمنيا", "النقابة طالبت بالإفراج عنه", LEXICON), StorySignal.all()))
                .isEqualTo("decision: freed ≠ detained");
        // the dead and the injured are parts of one toll when a text names both
        assertThat(contradiction("تسجيل 5 آلاف إصابة بحمى الضنك بينها 18 وفاة", "18 وفاة بحمى الضنك")).isNull();
        assertThat(contradiction("مقتل 3 في حادث سير", "إصابة 3 في حادث سير")).isEqualTo("harm: killed ≠ injured");
        // a boat overturns and sinks
        assertThat(contradiction("غرق قارب مهاجرين قبالة صفاقس", "انقلاب قارب مهاجرين قبالة صفاقس")).isNull();
        // the parties to a deal are not where it was signed
        assertThat(contradiction("توقيع اتفاق سلام مع حركات دارفور في جوبا", "جوبا تشهد توقيع اتفاق السلام بين الخرطوم والجبهة الثورية")).isNull();
        // the elections elect no one: a ratification of their results is one
        assertThat(contradiction("المحكمة الاتحادية تصادق على نتائج الانتخابات", "المحكمة الاتحادية تقر النتائج النهائية للانتخابات")).isNull();
        // basis points and percent
        assertThat(contradiction("المركزي يرفع الفائدة 200 نقطة أساس", "المركزي يرفع الفائدة 2%")).isNull();
    }

    @Test
    void roundSevensReadingsOfWhatHappened() {
        // a body named for liberation releases no one
        assertThat(contradiction("المجلس المركزي يستحدث منصب نائب رئيس منظمة التحرير", "الموافقة على منصب نائب للرئيس")).isNull();
        // "more than" is a near figure, no rise
        assertThat(contradiction("تراجع إيرادات قناة السويس 6 مليارات دولار", "قناة السويس فقدت ما يزيد على 6 مليارات دولار من إيراداتها")).isNull();
        // a directorate is no district
        assertThat(contradiction("انفجار في مطعم بعمان", "مديرية الأمن العام: انفجار في مطعم")).isNull();
        // the river is not Sudan's state
        assertThat(contradiction("غرق 10 فتيات في نهر النيل بالجيزة", "مأساة الجيزة.. غرق 10 فتيات")).isNull();
        // a bill sent back is a rejection; basis points after their figure are a percent too
        assertThat(contradiction("مجلس النواب يقر الموازنة العامة", "النواب يردون مشروع قانون الضمان الاجتماعي")).isEqualTo("decision: approve ≠ reject");
        assertThat(contradiction("الفيدرالي يخفض الفائدة بمقدار 25 نقطة أساس", "الفيدرالي يخفض الفائدة 0.25 نقطة مئوية")).isNull();
        // a release asked for is none; leaving prison is a release
        assertThat(contradiction("الحوثيون يحتجزون 9 موظفين أمميين", "غوتيريش يطالب بالإفراج عن 9 موظفين أمميين")).isNull();
        assertThat(contradiction("الإفراج عن حاكم المركزي السابق بكفالة", "حاكم المركزي السابق يغادر السجن بكفالة")).isNull();
        // the army and the Rapid Support Forces are two sides
        assertThat(contradiction("الجيش يعلن السيطرة على مصفاة الجيلي", "الدعم السريع تعلن السيطرة على مصفاة الجيلي")).startsWith("subject");
    }

    @Test
    void aRoleHolderConflictsOnlyAsAHeadlineTellsIt() {
        // رئيس الدبلوماسية الإيطالية in a lead is Italy's foreign minister, not its president
        assertThat(Conflicts.first(StorySignature.of("الرئيس الجزائري يستقبل وزير الخارجية الإيطالي", null, LEXICON),
                StorySignature.of("تبون يبحث مع تاياني تعزيز الشراكة", "جمع الرئيس تبون برئيس الدبلوماسية الإيطالية", LEXICON),
                StorySignal.all())).isNull();
        assertThat(contradiction("وزير الخارجية الأردني يصل إلى القاهرة", "وزير الخارجية السوري يصل إلى القاهرة")).isNotNull();
    }

    @Test
    void anOutcomeThatUndoesTheEventConflictsWithATellingOfTheEvent() {
        assertThat(contradiction("الإمارات تطلق قمرا صناعيا لرصد الأرض", "تأجيل إطلاق القمر الصناعي الإماراتي"))
                .isEqualTo("decision: postpone on one side only");
        assertThat(contradiction("البرلمان اللبناني ينتخب رئيسا", "البرلمان اللبناني يفشل في انتخاب رئيس")).isEqualTo("decision: elect ≠ fail");
        assertThat(contradiction("تأجيل محاكمة 20 متهما", "المحكمة تؤجل محاكمة 20 متهما")).isNull();
    }

    @Test
    void aWinAndALossAreOneMatchOnlyWhenEachNamesTheOther() {
        assertThat(contradiction("السعودية تفوز على الأرجنتين", "الأرجنتين تسقط أمام السعودية")).isNull();
        assertThat(contradiction("رونالدو يقود النصر للفوز على الاتحاد", "النصر يخسر أمام الاتحاد")).isEqualTo("result: win ≠ lose");
        assertThat(contradiction("علي فرج يتوج ببطولة العالم للإسكواش", "مصطفى عسل يتوج ببطولة العالم على حساب علي فرج"))
                .startsWith("winner:");
    }

    @Test
    void placesNoListKnowsAreTheNamesAfterPlaceNouns() {
        assertThat(contradiction("الشرطة تعتقل 12 شخصا في احتجاجات بباريس", "الشرطة تعتقل 12 شخصا في احتجاجات بمدينة ليون"))
                .startsWith("place:");
        // a dateline is where the news came from: the event's place is in the other telling's lead
        assertThat(Conflicts.first(StorySignature.of("أنقرة: مقتل عسكريين اثنين في دهوك", null, LEXICON),
                StorySignature.of("مقتل جنديين تركيين شمال العراق", "قتل جنديان في هجوم على قاعدة في منطقة دهوك", LEXICON), StorySignal.all())).isNull();
    }

    @Test
    void whatIsNoConflict() {
        // naming more of one thing
        assertThat(contradiction("روسيا توقع اتفاقية للطاقة", "روسيا والصين توقعان اتفاقية للطاقة")).isNull();
        // a figure beside a demonym counts no people of that country (a five-year contract against two goals)
        assertThat(contradiction("ريال مدريد يتعاقد مع مدافع مغربي لخمس سنوات", "المدافع المغربي يسجل هدفين")).isNull();
        // the dead told by their bodies
        assertThat(contradiction("انهيار عقار سكني ومصرع 4", "أربع جثث وستة مصابين تحت ركام عقار منهار")).isNull();
        // one match told from either side
        assertThat(contradiction("السعودية تفوز على الأرجنتين", "الأرجنتين تخسر أمام السعودية")).isNull();
        // a country named in passing in a lead, beside a headline naming none
        assertThat(Conflicts.first(StorySignature.of("الحوثيون يستهدفون سفينة تجارية", "قالوا إنها مرتبطة بإسرائيل", LEXICON),
                StorySignature.of("انفجار قرب سفينة تجارية قبالة الحديدة", "بحسب هيئة بريطانية", LEXICON), StorySignal.all())).isNull();
    }

    @Test
    void theIssuesParaphrasesAreReadAlikeWithoutConflict() {
        // The issue's examples: roots, numbers and synonyms make each pair alike and nothing in them conflicts. The model
        // joins the Zamfara pair (0.99). Since the third writer's pairs were folded in (their texts weighing the words, their
        // pairs refitting the model) it gives Al Hoceima 0.73 (0.78 and joined before) and the Jeddah fire 0.59 (0.78), under
        // its threshold of 0.81: يضرب told as تهز is "a word put in another's place" in headlines otherwise alike, what the
        // labelled different events look like. Measured with the conflicts of before too (0.72): the refit, not the
        // narrowed conflicts, moved them. Left as measured, not fitted to these pairs. Round 3's figures (a figure both give,
        // the likeness outside the headlines, one kind of event in both headlines) join all three. Round 4's stricter threshold
        // (0.909, chosen for precision on writers left out) joins Zamfara only: the Jeddah fire gives 0.885 and Al Hoceima
        // 0.846, both still read alike and without a conflict; round 5's refit (0.905) gives 0.823 and 0.806, round 6's (0.891)
        // 0.788 and 0.770: still without a conflict, and further under the threshold; round 7's (0.886) 0.714 and 0.711.
        String[][] issue = {
            {"حريق ضخم يلتهم مستودعا للأخشاب في ميناء جدة", "اندلع حريق ضخم في مستودع للأخشاب داخل ميناء جدة مساء أمس",
                "احتراق مخزن أخشاب بميناء جدة", "أخمدت فرق الدفاع المدني النيران التي اشتعلت في مخزن للأخشاب بميناء جدة الليلة الماضية"},
            {"زلزال بقوة 5.8 درجة يضرب الحسيمة", "ضرب زلزال بقوة 5.8 درجة إقليم الحسيمة فجر اليوم",
                "هزة أرضية بقوة 5,8 درجات تهز الحسيمة", "سجلت هزة أرضية بقوة 5,8 درجات بإقليم الحسيمة فجر اليوم"},
            {"مقتل 15 شخصا في هجوم على سوق في زامفارا", "قتل 15 شخصا عندما هاجم مسلحون سوقا في ولاية زامفارا",
                "خمسة عشر قتيلا بهجوم على سوق في زامفارا", "لقي خمسة عشر شخصا حتفهم في هجوم شنه مسلحون على سوق بولاية زامفارا"}};
        for (String[] pair : issue) {
            SameStory.Verdict verdict = SameStory.judge(StorySignature.of(pair[0], pair[1], LEXICON), StorySignature.of(pair[2], pair[3], LEXICON),
                    ARCHIVE, SameStory.DEFAULT_THRESHOLD);
            assertThat(verdict.contradiction()).as(pair[0]).isNull();
            assertThat(verdict.similarity()).as(pair[0]).isGreaterThan(0.45);
            System.out.printf("%s: similarity %.3f, probability %.3f%n", pair[0], verdict.similarity(), verdict.probability());
            assertThat(verdict.probability()).as(pair[0]).isGreaterThan(0.5);
        }
        assertThat(same(issue[2][0], issue[2][1], issue[2][2], issue[2][3])).as(issue[2][0]).isTrue();
        for (String[] pair : List.of(issue[0], issue[1])) {
            double probability = SameStory.judge(StorySignature.of(pair[0], pair[1], LEXICON), StorySignature.of(pair[2], pair[3], LEXICON),
                    ARCHIVE, SameStory.DEFAULT_THRESHOLD).probability();
            assertThat(probability).as(pair[0] + ": the model's probability, under the threshold since round 4").isGreaterThan(0.7);
        }
    }

    @Test
    void aHeadlineWordInTheOtherHeadlinesPlaceIsWhatTheModelWeighsAgainst() {
        StorySignature lung = StorySignature.of("مستشفى الملك فيصل يجري أول عملية زراعة رئة كاملة بالروبوت", null, LEXICON);
        StorySignature liver = StorySignature.of("مستشفى الملك فيصل يجري أول عملية زراعة كبد كاملة بالروبوت", null, LEXICON);
        double dice = SameStory.similarity(lung.words(), liver.words(), ARCHIVE);
        double[] features = PairFeatures.of(lung, liver, dice, ARCHIVE, StorySignal.all());
        assertThat(features[6]).as("another word in one place").isGreaterThan(0.5);
        double[] alone = PairFeatures.of(lung, lung, 1, ARCHIVE, StorySignal.all());
        assertThat(alone[6]).isZero();
        assertThat(alone[2]).isEqualTo(1.0);
    }

    private static String contradiction(String headlineA, String headlineB) {
        return Conflicts.first(StorySignature.of(headlineA, null, LEXICON), StorySignature.of(headlineB, null, LEXICON), StorySignal.all());
    }

    /** Words weighted as over an archive: the labelled pairs' texts. */
    private static final TermWeights ARCHIVE = archive();

    private static boolean same(String headlineA, String leadA, String headlineB, String leadB) {
        return SameStory.judge(StorySignature.of(headlineA, leadA, LEXICON), StorySignature.of(headlineB, leadB, LEXICON), ARCHIVE,
                SameStory.DEFAULT_THRESHOLD).same();
    }

    private static TermWeights archive() {
        DocumentFrequencies frequencies = new DocumentFrequencies();
        try {
            for (StoryEvaluation.Pair pair : StoryEvaluation.pairs(StoryEvaluation.LABELLED)) {
                frequencies.add(StorySignature.of(pair.headlineA(), pair.leadA(), LEXICON).words());
                frequencies.add(StorySignature.of(pair.headlineB(), pair.leadB(), LEXICON).words());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return frequencies;
    }
}
