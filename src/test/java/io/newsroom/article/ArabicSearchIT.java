package io.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import io.newsroom.text.SearchText;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index (SearchText: normaliser, clitic peeling, Snowball stems) finds every spelling variant,
 * clitic prefix and sound plural of a word. These cases decided the design: with the plain stemmer,
 * or with ة folded to ه before it, several of them fail (see ArabicNormalizer#searchForm).
 */
class ArabicSearchIT extends IntegrationTest {

    @Autowired
    ArticleService articles;

    @BeforeEach
    void articles() {
        create("pact", "ar", "باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب",
                "<p>أبرمت باكستان وإيران اتفاقية جديدة وهى خطة عمل مشتركة لمكافحة الإرهاب، وزيادة التعاون في المجال الأمني.</p>");
        create("teachers", "ar", "المعلمون يطالبون بزيادة الرواتب",
                "<p>نظم المعلمون وقفة أمام الجامعة للمطالبة بتحسين أوضاع المعلمات في المدارس الحكومية.</p>");
        create("read-more", "ar", "إقرأ المزيد عن الاتفاق الروسي",
                "<p>تجدر الإشارة إلى أن العمل على اتفاق استراتيجي جديد بين روسيا وطهران ظهر في سبتمبر.</p>");
        create("english", "en", "Counter-terrorism plan agreed by Pakistan and Iran",
                "<p>Both governments agreed on a joint action plan against terrorism.</p>");
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({
            // hamza forms of alef
            "إيران, pact", "ايران, pact", "وإيران, pact", "لإيران, pact", "بإيران, pact",
            // taa marbuta written as heh, with and without the article and clitics
            "مشتركة, pact", "مشتركه, pact", "المشتركة, pact", "والمشتركه, pact", "خطه, pact",
            "جامعة, teachers", "الجامعه, teachers", "بالجامعة, teachers", "للجامعة, teachers",
            // alef maqsura, tashkeel, tatweel
            "وهي, pact", "مُشْتَرَكَة, pact", "الإرهـــاب, pact", "خِطَّة, pact",
            // إقرأ / اقرأ
            "اقرأ, read-more", "إقرأ, read-more", "اقرا, read-more",
            // clitic prefixes: و ف ب ك ل, with and without ال
            "مكافحة, pact", "ومكافحة, pact", "فمكافحة, pact", "بمكافحة, pact", "كمكافحة, pact",
            "والمكافحة, pact", "للمكافحة, pact", "الإرهاب, pact", "إرهاب, pact", "وللإرهاب, pact", "بالإرهاب, pact",
            // sound plurals and their singular
            "المعلمون, teachers", "المعلمين, teachers", "معلمين, teachers", "معلم, teachers", "معلمات, teachers", "المعلمة, teachers",
            // several words: every one must match
            "خطة عمل مشتركه, pact", "باكستان ايران, pact",
            // Latin script
            "terrorism, english", "Pakistan, english", "PLAN agreed, english",
    })
    void variantFindsTheArticle(String query, String expectedSlug) {
        assertThat(search(query)).contains(expectedSlug);
    }

    @ParameterizedTest(name = "{0} finds nothing")
    @CsvSource({"الصين", "كشمير", "Kashmir"})
    void unrelatedWordFindsNothing(String query) {
        assertThat(search(query)).isEmpty();
    }

    @Test
    void postgreSqlAcceptsTheVectorsOfTextsAtItsLimits() {
        String manyWords = IntStream.range(0, 120_000).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        String tooLong = "7".repeat(3_000);
        // about 72,000 of these words fill the 1 MB a tsvector can hold; the rest, and the overlong word, are left out
        assertThat(jdbc.queryForObject("SELECT length(CAST(? AS tsvector))", Integer.class, SearchText.vector(manyWords, tooLong)))
                .isGreaterThan(70_000);
    }

    private List<String> search(String query) {
        return jdbc.queryForList("SELECT a.slug FROM articles a JOIN article_search s ON s.article_id = a.id"
                + " WHERE s.search_vector @@ CAST(? AS tsquery)", String.class, SearchText.tsquery(query));
    }

    private void create(String slug, String language, String headline, String body) {
        articles.create(new NewArticle(new ArticleContent(headline, null, body, null, null, language, null, null, null),
                List.of(), List.of(), slug, null));
    }
}
