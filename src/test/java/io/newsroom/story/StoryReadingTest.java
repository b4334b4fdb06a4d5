package io.newsroom.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What two outlets' words become before they are compared: derived forms of a root meet, near-
 * synonyms meet, places are found behind clitics and in adjectives, and the facts that tell events
 * apart are read.
 */
class StoryReadingTest {

    static final StoryLexicon LEXICON = StoryLexicon.standard();

    private static Set<String> words(String text) {
        return StoryReading.read(text, List.of(), LEXICON, StorySignal.all()).words();
    }

    private static StorySignature.Facts facts(String headline, String lead) {
        return StoryReading.read(headline, List.of(lead), LEXICON, StorySignal.all()).facts();
    }

    @Test
    void derivedFormsOfOneRootMeet() {
        assertThat(words("حريق")).isEqualTo(words("احتراق"));
        assertThat(words("انفجار")).isEqualTo(words("تفجير")).isEqualTo(words("تفجر"));
        assertThat(words("قتل")).isEqualTo(words("مقتل")).isEqualTo(words("قتلى")).isEqualTo(words("قتيلا"));
        assertThat(words("أصيب")).isEqualTo(words("إصابة")).isEqualTo(words("مصابين"));
        assertThat(words("جنود")).isEqualTo(words("جندي"));
        assertThat(words("المختطفين")).isEqualTo(words("اختطاف"));
    }

    @Test
    void nearSynonymsMeet() {
        assertThat(words("مستودع")).isEqualTo(words("مخزنا"));
        assertThat(words("زلزال")).isEqualTo(words("هزة أرضية"));
        assertThat(words("إطلاق سراح")).isEqualTo(words("الإفراج عن"));
        assertThat(words("مصرع")).isEqualTo(words("لقوا حتفهم")).isEqualTo(words("مقتل"));
        assertThat(words("الحكومة")).isEqualTo(words("مجلس الوزراء"));
    }

    @Test
    void wordsThatSayNothingAreLeftOut() {
        assertThat(words("على إلى التي من في")).isEmpty();
    }

    @Test
    void placesAreFoundBehindCliticsAndInAdjectives() {
        assertThat(words("بعدن")).contains("@aden", "@YE");
        assertThat(words("والمصرية")).containsExactly("@EG");
        assertThat(words("المملكة العربية السعودية")).containsExactly("@SA");
        assertThat(words("بالنيجر")).containsExactly("@NE"); // the CLDR name
        assertThat(facts("حريق في مصنع بالزقازيق", "").places()).containsExactlyInAnyOrder("zagazig", "sharqia");
    }

    @Test
    void aLeadsDatelineIsWhereTheAgencyWroteFromNotWhereItHappened() {
        StorySignature.Facts facts = facts("منظمة الصحة العالمية تعلن القضاء على التراخوما في موريتانيا",
                "جنيف - أعلنت منظمة الصحة العالمية أن موريتانيا قضت على المرض");
        assertThat(facts.places()).doesNotContain("geneva");
        assertThat(facts.countries()).containsExactly("MR");
        assertThat(StoryReading.read("عنوان", List.of("جنيف - أعلنت المنظمة"), LEXICON, StorySignal.all()).words()).contains("@geneva");
        assertThat(StoryReading.leadDateline("الرباط (رويترز) - حجز المنتخب")).isEqualTo("الرباط (رويترز) -");
        assertThat(StoryReading.leadDateline("حجز المنتخب المغربي لكرة القدم بطاقة التأهل - بعد فوزه")).isNull();
        assertThat(StoryReading.leadDateline("فاز 3-1 على ضيفه")).isNull();
    }

    @Test
    void aDirectionAfterAPlaceNounIsNoPlace() {
        assertThat(facts("موريتانيا سابع دولة في إقليم شرق المتوسط", "").places()).isEmpty();
        assertThat(facts("مقتل 3 في بلدة سرمدا", "").places()).singleElement().asString().startsWith(StoryReading.UNKNOWN_PLACE);
    }

    @Test
    void aCityIsANameNotTheStemOfAnAdjective() {
        // الرياضية (sports) has الرياض for its light stem; a country's adjective is read (المصرية), a city's never is
        assertThat(facts("فوز الاتحاد على الرائد", "على ملعب الجوهرة المشعة في مدينة الملك عبدالله الرياضية").places()).doesNotContain("riyadh");
        assertThat(facts("حريق في الرياض", "").places()).contains("riyadh");
        assertThat(facts("حريق بالرياض", "").places()).contains("riyadh");
    }

    @Test
    void aSpellingOfTwoPlacesNamesNeithersCountry() {
        StorySignature.Facts amman = facts("اعتصام في عمان", "");
        assertThat(amman.countries()).isEmpty();
        assertThat(amman.places()).hasSize(1);
        assertThat(facts("سلطنة عمان تسجل فائضا", "").countries()).containsExactly("OM");
    }

    @Test
    void aPlaceNoListKnowsIsTheNameAfterAPlaceNoun() {
        assertThat(facts("هجوم على بلدة سرمدا", "").places()).containsExactly("?سرمد");
        assertThat(facts("احتجاجات بمدينة ليون", "").places()).singleElement().asString().startsWith("?"); // by its comparable word
        assertThat(facts("حريق في منطقة جبلية", "").places()).isEmpty();
        assertThat(facts("قصف مخيم للنازحين", "").places()).isEmpty();
    }

    @Test
    void rolesAreHeldByTheCountryNamedAfterThem() {
        StorySignature.Facts facts = facts("وزير الخارجية المصري يلتقي نظيره التركي في أنقرة", "");
        assertThat(facts.actors()).containsEntry("foreign-minister", Set.of("EG", "TR"));
        assertThat(facts("سفيرها لدى فرنسا", "").actors()).isEmpty();
    }

    @Test
    void anOutcomeIsTheFirstOfItsKindInTheHeadline() {
        StorySignature.Facts freed = facts("تحرير 3 مهندسين أتراك خطفوا في ليبيا", "خطفهم مسلحون قبل أسبوعين");
        assertThat(freed.outcomes()).containsEntry("decision", "freed");
        assertThat(facts("المركزي يبقي على سعر الفائدة", "بعد أن رفع الأسعار في يناير").outcomes()).containsEntry("change", "hold");
        assertThat(facts("عاصفة ثلجية تضرب لبنان", "ارتفاع 1200 متر").outcomes()).containsEntry("change", "up");
    }

    @Test
    void anArticleIsReadByItsHeadlineExcerptAndFirstParagraph() {
        StorySignature withBody = StorySignature.ofArticle("حريق في مصنع", "اندلع حريق في مصنع للأخشاب",
                "<p></p><p>وأصيب ثلاثة عمال في العاشر من رمضان</p><p>وفتحت النيابة تحقيقا</p>", LEXICON);
        assertThat(withBody.words()).contains("@tenth-of-ramadan", "~injured").doesNotContain("~investigation", "حقق");
        assertThat(withBody.facts().places()).contains("tenth-of-ramadan");
        // a feed without a summary: the body's first paragraph is the lead
        assertThat(StorySignature.ofArticle("حريق في مصنع", null, "<p>اندلع حريق بالزقازيق</p>", LEXICON).facts().places())
                .contains("zagazig");
    }

    @Test
    void figuresAreCountedByTheWordsBesideThem() {
        StorySignature.Facts facts = facts("مقتل 4 وإصابة 7 في انفجار", "قتل أربعة أشخاص وأصيب سبعة آخرون");
        assertThat(facts.counts().get("~killed")).containsExactly(new java.math.BigDecimal("4"));
        assertThat(facts.counts().get("~injured")).containsExactly(new java.math.BigDecimal("7"));
        assertThat(facts.topics().get("casualties")).containsExactly("some");
    }
}
