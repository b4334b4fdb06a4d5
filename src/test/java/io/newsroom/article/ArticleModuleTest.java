package io.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.article.ArticleEvent.Type;
import io.newsroom.support.DatabaseCleaner;
import io.newsroom.support.TestDatabaseInitializer;
import io.newsroom.tag.Tag;
import io.newsroom.tag.TagService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The article module on its own (with the modules it depends on, none of those that listen to it):
 * each kind of change, whoever asks for it, publishes the events the announcement rule says, and no
 * other. A real PostgreSQL underneath, as everywhere; run by Surefire, away from the end-to-end tests'
 * application, whose scheduling job would race this one's on a shared database.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
// Readiness waits on the content listener and the similar index, which listen to this module and are not
// started here. The scheduling job runs when a test says: events are recorded on the thread that publishes them.
// Photos (a dependency: articles show library photos) without WebP: this test runs before the build installs cwebp.
@TestPropertySource(properties = {"management.endpoint.health.group.readiness.include=readinessState,db",
        "newsroom.scheduling.interval=1h", "newsroom.media.formats=jpeg"})
class ArticleModuleTest {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleStories stories;

    @Autowired
    ScheduledTransitions scheduledTransitions;

    @Autowired
    TagService tags;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void clean() {
        DatabaseCleaner.clean(jdbc);
    }

    @Test
    void publishingAnnouncesThePublication(Scenario scenario) {
        UUID id = draft("وزير الخارجية يزور عمان", List.of());
        scenario.stimulate(() -> articles.publish(id))
                .andWaitForEventOfType(ArticleEvent.class).matching(event -> event.articleId().equals(id))
                .toArriveAndVerify(event -> {
                    assertThat(event.type()).isEqualTo(Type.PUBLISHED);
                    assertThat(event.status()).isEqualTo(ArticleStatus.PUBLISHED);
                });
    }

    @Test
    void editingADraftAnnouncesNothingAndEditingAPublishedArticleAnnouncesAnUpdate(AssertablePublishedEvents events) {
        UUID id = draft("مسودة لم تنشر", List.of());
        Article article = articles.get(id);
        articles.update(id, article.getVersion(), new ArticleChanges(article.content(), List.of("وسم"), null, null));
        assertThat(events.ofType(ArticleEvent.class)).isEmpty();

        articles.publish(id);
        Article published = articles.get(id);
        articles.update(id, published.getVersion(), new ArticleChanges(published.content(), List.of("وسم آخر"), null, null));
        assertThat(events.ofType(ArticleEvent.class).matching(event -> event.articleId().equals(id)))
                .extracting(ArticleEvent::type).containsExactly(Type.PUBLISHED, Type.UPDATED);
    }

    @Test
    void theSchedulingJobAnnouncesAScheduledArticleOnceItsTimeHasCome(Scenario scenario) throws InterruptedException {
        UUID id = draft("مؤتمر صحفي مجدول", List.of());
        Instant at = Instant.now().plusMillis(300);
        articles.schedule(id, at, null, OptionalLong.empty());
        Thread.sleep(Duration.between(Instant.now(), at).plusMillis(50).toMillis());
        scenario.stimulate(() -> scheduledTransitions.catchUpAtStartup())
                .andWaitForEventOfType(ArticleEvent.class).matching(event -> event.articleId().equals(id))
                .toArriveAndVerify(event -> {
                    assertThat(event.type()).isEqualTo(Type.PUBLISHED);
                    assertThat(event.publishedAt()).isEqualTo(articles.get(id).getPublishedAt());
                });
        assertThat(articles.get(id).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void joiningAStoryUnpublishesTheTellingAndUpdatesTheLead(AssertablePublishedEvents events) {
        UUID lead = published("زلزال بقوة 6 درجات يضرب جنوب تركيا", List.of());
        UUID telling = published("هزة أرضية قوية تهز جنوب تركيا", List.of());
        transaction.executeWithoutResult(status -> stories.join(telling, lead, "same story in a test"));
        assertThat(events.ofType(ArticleEvent.class).matching(event -> event.type() != Type.PUBLISHED))
                .extracting(ArticleEvent::type, ArticleEvent::articleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Type.UNPUBLISHED, telling),
                        org.assertj.core.groups.Tuple.tuple(Type.UPDATED, lead));

        transaction.executeWithoutResult(status -> articles.unpublish(telling, OptionalLong.empty()));
        assertThat(events.ofType(ArticleEvent.class).matching(event -> event.articleId().equals(lead)))
                .as("a member leaving readers' view changes its lead's page").extracting(ArticleEvent::type)
                .containsExactly(Type.PUBLISHED, Type.UPDATED, Type.UPDATED);
        assertThat(events.ofType(ArticleEvent.class).matching(event -> event.articleId().equals(telling)))
                .extracting(ArticleEvent::type).containsExactly(Type.PUBLISHED, Type.UNPUBLISHED);
    }

    @Test
    void aTagMergeAnnouncesThePublishedArticlesCarryingTheMergedTagAsUpdated(AssertablePublishedEvents events) {
        UUID published = published("أسعار النفط ترتفع", List.of("نفط"));
        UUID draft = draft("أسعار النفط في مسودة", List.of("نفط"));
        UUID untouched = published("أسعار الذهب", List.of("ذهب"));
        Tag oil = tags.resolve(List.of("نفط")).get(0);
        Tag energy = tags.resolve(List.of("طاقة")).get(0);
        long versionBefore = articles.get(published).getVersion();

        List<UUID> changed = transaction.execute(status -> tags.merge(oil.getId(), energy.getId()));

        assertThat(changed).containsExactlyInAnyOrder(published, draft);
        assertThat(events.ofType(ArticleEvent.class).matching(event -> event.type() == Type.UPDATED))
                .extracting(ArticleEvent::articleId).containsExactly(published);
        assertThat(articles.get(published).getVersion()).as("editors' If-Match sees the merge").isGreaterThan(versionBefore);
        assertThat(tagNames(published)).containsExactly("طاقة");
        assertThat(tagNames(untouched)).containsExactly("ذهب");
    }

    private List<String> tagNames(UUID id) {
        return transaction.execute(status -> articles.get(id).getTags().stream().map(Tag::getName).toList());
    }

    private UUID draft(String headline, List<String> tagNames) {
        return transaction.execute(status -> articles.create(new NewArticle(
                new ArticleContent(headline, null, "<p>" + headline + "</p>", null, null, null, null, null, null),
                tagNames, List.of(), null, null)).getId());
    }

    private UUID published(String headline, List<String> tagNames) {
        UUID id = draft(headline, tagNames);
        transaction.executeWithoutResult(status -> articles.publish(id));
        return id;
    }
}
