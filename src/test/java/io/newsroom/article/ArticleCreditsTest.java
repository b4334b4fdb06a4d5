package io.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.author.Author;
import io.newsroom.author.TestAuthors;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byline rule of {@link Article#credit}: it follows the authors unless an editor wrote it otherwise. */
class ArticleCreditsTest {

    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final Author ali = TestAuthors.named("محمد علي");
    private final Author sara = TestAuthors.named("سارة أحمد");

    private Article article(String byline, String language) {
        return new Article(new ArticleContent("عنوان", null, "<p>نص</p>", null, byline, language, null, null, null), null, "عنوان", null, now);
    }

    @Test
    void aMissingBylineIsMadeFromTheAuthorsInOrder() {
        Article article = article(null, null);
        article.credit(List.of(ali, sara), now);
        assertThat(article.getByline()).isEqualTo("محمد علي وسارة أحمد");
        assertThat(article.getAuthors()).containsExactly(ali, sara);
    }

    @Test
    void aBylineThatIsOnlyTheAuthorsNamesFollowsThem() {
        Article article = article(null, null);
        article.credit(List.of(ali), now);
        article.credit(List.of(sara, ali), now);
        assertThat(article.getByline()).isEqualTo("سارة أحمد ومحمد علي");
        article.credit(List.of(), now);
        assertThat(article.getByline()).isNull();
    }

    @Test
    void aBylineWrittenOtherwiseStaysAsWritten() {
        Article article = article("مراسلو الوكالة في بيروت", null);
        article.credit(List.of(ali), now);
        assertThat(article.getByline()).isEqualTo("مراسلو الوكالة في بيروت");
        article.credit(List.of(), now);
        assertThat(article.getByline()).isEqualTo("مراسلو الوكالة في بيروت");
    }

    @Test
    void aRenamedAuthorRenamesTheBylinesMadeOfTheNames() {
        Article derived = article(null, "en");
        derived.credit(List.of(ali, sara), now);
        assertThat(derived.getByline()).isEqualTo("محمد علي and سارة أحمد");
        Article written = article("محمد علي من القاهرة", null);
        written.credit(List.of(ali), now);

        Author renamed = TestAuthors.named("محمد علي حسن");
        derived.credit(List.of(renamed, sara), now); // what a rename looks like from here: the same list, another name
        assertThat(derived.getByline()).isEqualTo("محمد علي حسن and سارة أحمد");
        written.credit(List.of(renamed), now);
        assertThat(written.getByline()).isEqualTo("محمد علي من القاهرة");
    }

    @Test
    void creditingChangesWhatReadersSeeOfAPublishedArticle() {
        Article article = article(null, null);
        article.publish(now);
        article.takeNotice();
        article.credit(List.of(ali), now.plusSeconds(60));
        assertThat(article.takeNotice().events()).containsExactly(ArticleEvent.Type.UPDATED);
    }
}
