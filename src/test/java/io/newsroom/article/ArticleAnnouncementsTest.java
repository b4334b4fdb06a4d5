package io.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.article.ArticleEvent.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The announcement rule, state × change → events, on the aggregate alone: what readers can notice
 * between before and after a change is what subscribers are told, whoever makes the change.
 */
class ArticleAnnouncementsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofHours(2));
    private static final Instant LATER = NOW.plus(Duration.ofHours(2));
    private static final UUID LEAD = UUID.randomUUID();

    /** The states an article can be in, each made by the lifecycle itself. */
    enum State {
        DRAFT(() -> draft()),
        IN_REVIEW(() -> with(draft(), a -> a.submit(EARLIER))),
        SCHEDULED_LATER(() -> with(draft(), a -> a.schedule(LATER, EARLIER))),
        PUBLISHED(() -> with(draft(), a -> a.publish(EARLIER))),
        PUBLISHED_UNTIL_LATER(() -> with(draft(), a -> {
            a.publish(EARLIER);
            a.planUnpublishing(LATER, EARLIER);
        })),
        UNPUBLISHED(() -> with(draft(), a -> {
            a.publish(EARLIER);
            a.unpublish(EARLIER);
        })),
        ARCHIVED(() -> with(draft(), a -> a.archive(EARLIER))),
        DELETED_DRAFT(() -> with(draft(), a -> a.delete(EARLIER))),
        DELETED_PUBLISHED(() -> with(draft(), a -> {
            a.publish(EARLIER);
            a.delete(EARLIER);
        })),
        STORY_MEMBER_PUBLISHED(() -> with(draft(), a -> {
            a.publish(EARLIER);
            a.placeInStory(LEAD, EARLIER);
        }));

        private final Supplier<Article> make;

        State(Supplier<Article> make) {
            this.make = make;
        }

        /** The article in this state, its making already announced. */
        Article article() {
            Article article = make.get();
            article.takeNotice();
            return article;
        }
    }

    static Stream<Arguments> matrix() {
        Consumer<Article> edit = a -> a.edit(a.content(), null, NOW);
        Consumer<Article> retag = a -> a.tagWith(List.of(), NOW);
        Consumer<Article> rename = a -> a.changeSlug("اسم-جديد", NOW);
        Consumer<Article> publish = a -> a.publish(NOW);
        Consumer<Article> unpublish = a -> a.unpublish(NOW);
        Consumer<Article> delete = a -> a.delete(NOW);
        Consumer<Article> restore = a -> a.restore(NOW);
        Consumer<Article> archive = a -> a.archive(NOW);
        Consumer<Article> schedule = a -> a.schedule(LATER, NOW);
        Consumer<Article> planUnpublishing = a -> a.planUnpublishing(LATER.plusSeconds(60), NOW);
        Consumer<Article> joinStory = a -> a.placeInStory(LEAD, NOW);
        Consumer<Article> leaveStory = a -> a.placeInStory(null, NOW);
        Consumer<Article> storyTellingsChanged = a -> a.shownElsewhereChanged(NOW);
        return Stream.of(
                // content changes: told only while readers see the article
                Arguments.of(State.DRAFT, "edit", edit, List.of()),
                Arguments.of(State.IN_REVIEW, "edit", edit, List.of()),
                Arguments.of(State.SCHEDULED_LATER, "edit", edit, List.of()),
                Arguments.of(State.PUBLISHED, "edit", edit, List.of(Type.UPDATED)),
                Arguments.of(State.PUBLISHED, "new tags", retag, List.of(Type.UPDATED)),
                Arguments.of(State.PUBLISHED, "new slug", rename, List.of(Type.UPDATED)),
                Arguments.of(State.PUBLISHED_UNTIL_LATER, "edit", edit, List.of(Type.UPDATED)),
                Arguments.of(State.UNPUBLISHED, "edit", edit, List.of()),
                Arguments.of(State.STORY_MEMBER_PUBLISHED, "edit", edit, List.of()),
                Arguments.of(State.PUBLISHED, "its story's tellings changed", storyTellingsChanged, List.of(Type.UPDATED)),
                Arguments.of(State.DRAFT, "its story's tellings changed", storyTellingsChanged, List.of()),
                // lifecycle: appearing and disappearing
                Arguments.of(State.DRAFT, "publish", publish, List.of(Type.PUBLISHED)),
                Arguments.of(State.IN_REVIEW, "publish", publish, List.of(Type.PUBLISHED)),
                Arguments.of(State.SCHEDULED_LATER, "publish now", publish, List.of(Type.PUBLISHED)),
                Arguments.of(State.UNPUBLISHED, "publish", publish, List.of(Type.PUBLISHED)),
                Arguments.of(State.DRAFT, "schedule", schedule, List.of()),
                Arguments.of(State.SCHEDULED_LATER, "unpublish", unpublish, List.of()),
                Arguments.of(State.PUBLISHED, "unpublish", unpublish, List.of(Type.UNPUBLISHED)),
                Arguments.of(State.PUBLISHED, "archive", archive, List.of(Type.UNPUBLISHED)),
                Arguments.of(State.DRAFT, "archive", archive, List.of()),
                Arguments.of(State.PUBLISHED, "plan its unpublishing", planUnpublishing, List.of()),
                // deletion is told for every article; a restore that shows it again is a publication
                Arguments.of(State.DRAFT, "delete", delete, List.of(Type.DELETED)),
                Arguments.of(State.PUBLISHED, "delete", delete, List.of(Type.DELETED)),
                Arguments.of(State.DELETED_PUBLISHED, "restore", restore, List.of(Type.PUBLISHED)),
                Arguments.of(State.DELETED_DRAFT, "restore", restore, List.of()),
                // stories: a member is seen only through its lead
                Arguments.of(State.PUBLISHED, "join a story", joinStory, List.of(Type.UNPUBLISHED)),
                Arguments.of(State.DRAFT, "join a story", joinStory, List.of()),
                Arguments.of(State.STORY_MEMBER_PUBLISHED, "leave its story", leaveStory, List.of(Type.PUBLISHED)),
                Arguments.of(State.STORY_MEMBER_PUBLISHED, "unpublish", unpublish, List.of()),
                Arguments.of(State.STORY_MEMBER_PUBLISHED, "delete", delete, List.of(Type.DELETED)));
    }

    @ParameterizedTest(name = "{0} + {1} → {3}")
    @MethodSource("matrix")
    void whatReadersCanNoticeIsWhatIsAnnounced(State state, String change, Consumer<Article> apply, List<Type> expected) {
        Article article = state.article();
        apply.accept(article);
        assertThat(article.takeNotice().events()).isEqualTo(expected);
    }

    @Test
    void severalStepsOfOneChangeAreAnnouncedOnce() {
        Article article = State.PUBLISHED.article();
        article.edit(article.content(), null, NOW);
        article.tagWith(List.of(), NOW);
        article.changeSlug("اسم-آخر", NOW);
        assertThat(article.takeNotice().events()).containsExactly(Type.UPDATED);
        assertThat(article.takeNotice().events()).as("a notice is taken once").isEmpty();
    }

    @Test
    void publishedAndThenUnpublishedInOneChangeIsNothingReadersCouldSee() {
        Article article = State.DRAFT.article();
        article.publish(NOW);
        article.unpublish(NOW);
        assertThat(article.takeNotice().events()).isEmpty();
    }

    @Test
    void aNewArticleIsAnnouncedOnlyWhenItIsCreatedVisible() {
        assertThat(draft().takeNotice().events()).isEmpty();
        assertThat(with(draft(), a -> a.publish(EARLIER)).takeNotice().events()).containsExactly(Type.PUBLISHED);
    }

    @Test
    void theSchedulingJobAnnouncesTheMomentReadersSawTheArticleAppear() {
        Article article = with(draft(), a -> a.schedule(NOW.plusSeconds(1), NOW));
        article.takeNotice();
        // the job runs after the time: readers saw it appear then, although it is visible "before" the job too
        article.publishAsScheduled(NOW.plusSeconds(2));
        assertThat(article.takeNotice().events()).containsExactly(Type.PUBLISHED);
    }

    @Test
    void anArticleWhoseWholeWindowPassedWhileTheJobWasDownIsAnnouncedBothWays() {
        Article article = with(draft(), a -> {
            a.schedule(NOW.plusSeconds(1), NOW);
            a.planUnpublishing(NOW.plusSeconds(2), NOW);
        });
        article.takeNotice();
        article.publishAsScheduled(NOW.plusSeconds(10));
        assertThat(article.takeNotice().events()).containsExactly(Type.PUBLISHED);
        article.unpublishAsPlanned(NOW.plusSeconds(10));
        assertThat(article.takeNotice().events()).containsExactly(Type.UNPUBLISHED);
    }

    @Test
    void aStoryMemberThatComesIntoOrGoesOutOfViewChangesItsLead() {
        Article member = with(draft(), a -> a.placeInStory(LEAD, EARLIER));
        member.takeNotice();
        member.publish(NOW);
        Article.Notice published = member.takeNotice();
        assertThat(published.events()).isEmpty();
        assertThat(published.leadChanged()).isTrue();
        member.edit(member.content(), null, NOW);
        assertThat(member.takeNotice().leadChanged()).as("its own edits are not its lead's").isFalse();
        member.unpublish(NOW);
        assertThat(member.takeNotice().leadChanged()).isTrue();
    }

    @Test
    void theArticlesOwnRulesAreCheckedOnceInTheArticle() {
        Article article = State.PUBLISHED.article();
        assertThatThrownBy(() -> article.planUnpublishing(EARLIER, NOW)).isInstanceOf(InvalidChangeException.class)
                .hasMessage("must be in the future");
        assertThatThrownBy(() -> Article.checkReadAlso(article.getId(), List.of(article.getId())))
                .isInstanceOf(InvalidChangeException.class).hasMessage("an article cannot be its own read-also article");
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> Article.checkReadAlso(article.getId(), List.of(other, other)))
                .hasMessage("each read-also article may appear only once");
        assertThatThrownBy(() -> Article.checkReadAlso(article.getId(), Stream.generate(UUID::randomUUID).limit(Article.MAX_RELATED + 1).toList()))
                .hasMessage("at most " + Article.MAX_RELATED + " read-also articles");
        assertThat(article.takeNotice().events()).as("a refused change announces nothing").isEmpty();
    }

    private static Article draft() {
        return new Article(new ArticleContent("عنوان", null, "<p>نص</p>", null, null, null, null, null, null), null, "عنوان", null, EARLIER);
    }

    private static Article with(Article article, Consumer<Article> change) {
        change.accept(article);
        return article;
    }
}
