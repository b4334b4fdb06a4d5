package io.newsroom.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The same-story decision measured on the tuning set (src/test/resources/stories/same-story-pairs.tsv):
 * pairs of Arabic headline + lead telling one event in two outlets' words, and pairs of different
 * events that share a country, a city, a number, a minister or whole phrases. The threshold is chosen
 * by cross-validation (StoryEvaluation); each signal is measured by leaving it out. The held-out set
 * no one tuned on is SameStoryHeldOutTest's.
 */
class SameStoryTest {

    static final String TUNING_SET = "/stories/same-story-pairs.tsv";
    static final StoryLexicon LEXICON = StoryEvaluation.LEXICON;

    @Test
    void theTuningSetHasAHundredPairsOfEachKind() throws IOException {
        List<StoryEvaluation.Pair> pairs = StoryEvaluation.pairs(TUNING_SET);
        assertThat(pairs.stream().filter(StoryEvaluation.Pair::same)).hasSizeGreaterThanOrEqualTo(100);
        assertThat(pairs.stream().filter(p -> !p.same())).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void crossValidatedOnTheTuningSetTheDecisionMeetsItsTargets() throws IOException {
        List<StoryEvaluation.Judged> judged = StoryEvaluation.judge(StoryEvaluation.pairs(TUNING_SET), StorySignal.all());
        StoryEvaluation.CrossValidated cv = StoryEvaluation.crossValidate(judged, StoryEvaluation.FOLDS);
        System.out.println("Same-story decision, " + StoryEvaluation.FOLDS + "-fold cross-validation on " + judged.size() + " tuning pairs:");
        for (int f = 0; f < cv.folds().size(); f++) {
            System.out.printf("  fold %d: threshold %.3f chosen on the other folds; %s%n", f + 1, cv.thresholds().get(f), cv.folds().get(f));
        }
        System.out.println("  pooled out-of-fold: " + cv.pooled());
        assertThat(cv.pooled().precision()).as(cv.pooled().toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(cv.pooled().recall()).as(cv.pooled().toString()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void theDefaultThresholdIsTheOneTheWholeTuningSetChooses() throws IOException {
        List<StoryEvaluation.Judged> judged = StoryEvaluation.judge(StoryEvaluation.pairs(TUNING_SET), StorySignal.all());
        double chosen = StoryEvaluation.choose(judged);
        System.out.printf("Threshold chosen on the whole tuning set: %.3f; there: %s%n", chosen, StoryEvaluation.measure(judged, chosen));
        assertThat(SameStory.DEFAULT_THRESHOLD).isCloseTo(chosen, within(1e-9));
        assertThat(new StoryProperties(true, java.time.Duration.ofHours(72), SameStory.DEFAULT_THRESHOLD).threshold())
                .isEqualTo(SameStory.DEFAULT_THRESHOLD);
    }

    @Test
    void eachSignalIsMeasuredByLeavingItOut() throws IOException {
        List<StoryEvaluation.Pair> pairs = StoryEvaluation.pairs(TUNING_SET);
        StoryEvaluation.Measured all = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, StorySignal.all()), StoryEvaluation.FOLDS).pooled();
        System.out.println("What each signal buys (pooled out-of-fold, each left out in turn, the threshold chosen again):");
        System.out.printf("  %-28s %s%n", "all signals", all);
        for (StorySignal signal : StorySignal.values()) {
            StoryEvaluation.Measured without = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, StoryEvaluation.without(signal)),
                    StoryEvaluation.FOLDS).pooled();
            System.out.printf("  %-28s %s  (precision %+.3f, recall %+.3f)%n", "without " + signal, without,
                    without.precision() - all.precision(), without.recall() - all.recall());
        }
        Set<StorySignal> wordsAlone = EnumSet.of(StorySignal.ROOTS, StorySignal.NUMBERS, StorySignal.SYNONYMS, StorySignal.WEIGHTS, StorySignal.LEAD);
        StoryEvaluation.Measured noConflicts = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, wordsAlone), StoryEvaluation.FOLDS).pooled();
        Set<StorySignal> plainWords = EnumSet.of(StorySignal.LEAD);
        StoryEvaluation.Measured plain = StoryEvaluation.crossValidate(StoryEvaluation.judge(pairs, plainWords), StoryEvaluation.FOLDS).pooled();
        System.out.printf("  %-28s %s%n", "paraphrase signals, no conflict", noConflicts);
        System.out.printf("  %-28s %s%n", "plain Dice over stems", plain);
        // conflicts are what keeps different events apart: words alone cannot reach the precision
        assertThat(noConflicts.precision()).as(noConflicts.toString()).isLessThan(all.precision() - 0.1);
        assertThat(plain.recall() + plain.precision()).as(plain.toString()).isLessThan(all.recall() + all.precision());
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
        assertThat(SameStory.judge(StorySignature.of("أنقرة: مقتل عسكريين اثنين في دهوك", null, LEXICON),
                StorySignature.of("مقتل جنديين تركيين شمال العراق", "قتل جنديان في هجوم على قاعدة في منطقة دهوك", LEXICON), TermWeights.EQUAL, 0)
                .contradiction()).isNull();
    }

    @Test
    void whatIsNoConflict() {
        // naming more of one thing
        assertThat(contradiction("روسيا توقع اتفاقية للطاقة", "روسيا والصين توقعان اتفاقية للطاقة")).isNull();
        // one match told from either side
        assertThat(contradiction("السعودية تفوز على الأرجنتين", "الأرجنتين تخسر أمام السعودية")).isNull();
        // a country named in passing in a lead, beside a headline naming none
        assertThat(SameStory.judge(StorySignature.of("الحوثيون يستهدفون سفينة تجارية", "قالوا إنها مرتبطة بإسرائيل", LEXICON),
                StorySignature.of("انفجار قرب سفينة تجارية قبالة الحديدة", "بحسب هيئة بريطانية", LEXICON), TermWeights.EQUAL, 0)
                .contradiction()).isNull();
    }

    @Test
    void paraphrasesOfOneEventAreOneStory() {
        assertThat(same("حريق ضخم يلتهم مستودعا للأخشاب في ميناء جدة", "اندلع حريق ضخم في مستودع للأخشاب داخل ميناء جدة مساء أمس",
                "احتراق مخزن أخشاب بميناء جدة", "أخمدت فرق الدفاع المدني النيران التي اشتعلت في مخزن للأخشاب بميناء جدة الليلة الماضية")).isTrue();
        assertThat(same("زلزال بقوة 5.8 درجة يضرب الحسيمة", "ضرب زلزال بقوة 5.8 درجة إقليم الحسيمة فجر اليوم",
                "هزة أرضية بقوة 5,8 درجات تهز الحسيمة", "سجلت هزة أرضية بقوة 5,8 درجات بإقليم الحسيمة فجر اليوم")).isTrue();
        assertThat(same("مقتل 15 شخصا في هجوم على سوق في زامفارا", "قتل 15 شخصا عندما هاجم مسلحون سوقا في ولاية زامفارا",
                "خمسة عشر قتيلا بهجوم على سوق في زامفارا", "لقي خمسة عشر شخصا حتفهم في هجوم شنه مسلحون على سوق بولاية زامفارا")).isTrue();
    }

    private static String contradiction(String headlineA, String headlineB) {
        return SameStory.judge(StorySignature.of(headlineA, null, LEXICON), StorySignature.of(headlineB, null, LEXICON), TermWeights.EQUAL, 0)
                .contradiction();
    }

    private static boolean same(String headlineA, String leadA, String headlineB, String leadB) {
        return SameStory.judge(StorySignature.of(headlineA, leadA, LEXICON), StorySignature.of(headlineB, leadB, LEXICON), TermWeights.EQUAL,
                SameStory.DEFAULT_THRESHOLD).same();
    }
}
