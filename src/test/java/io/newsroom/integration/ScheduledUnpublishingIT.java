package io.newsroom.integration;

import static io.newsroom.support.ArticleFixtures.createId;
import static io.newsroom.support.ArticleFixtures.publishedId;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import io.newsroom.support.WebhookReceiver;
import io.newsroom.support.WebhookReceiver.Received;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;

/**
 * unpublishAt: readers stop seeing the article at that moment whatever runs (the visibility rule), and
 * the scheduling job marks it UNPUBLISHED with one article.unpublished, however many instances run.
 */
class ScheduledUnpublishingIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private WebhookReceiver receiver;
    private Api editor;

    @BeforeEach
    void subscribe() {
        editor = api.as(editorKey);
        receiver = new WebhookReceiver();
        api.as(adminKey).post("/api/admin/webhooks", Map.of("url", receiver.url(), "events", List.of("article.published", "article.unpublished"),
                "secret", "scheduled-unpublishing-test-secret"));
    }

    @AfterEach
    void stopReceiver() {
        job().start();
        receiver.close();
    }

    @Test
    void readersStopSeeingTheArticleAtItsTimeEvenWithNoJobRunningThenTheJobMarksItOnce() {
        String id = createId(editor, "خبر ينتهي عرضه بعد قليل", "وسم-مؤقت");
        job().stop();
        Instant until = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        Api.Result published = editor.post("/api/admin/articles/" + id + "/publish", Map.of("unpublishAt", until.toString()));
        assertThat(published.status()).isEqualTo(200);
        assertThat(Instant.parse(published.json().get("unpublishAt").asString())).isEqualTo(until);
        String slug = published.json().get("slug").asString();
        assertThat(api.get(Api.articlePath(slug)).status()).isEqualTo(200);
        assertThat(api.get("/api/content/articles?limit=100").body()).contains(id);

        WebhooksIT.sleep(Duration.between(Instant.now(), until).plusMillis(200));
        assertThat(api.get(Api.articlePath(slug)).status()).as("hidden by the rule").isEqualTo(404);
        assertThat(api.get("/api/content/articles?limit=100").body()).doesNotContain(id);
        assertThat(api.get("/api/content/tags/" + Api.encode("وسم-مؤقت")).status()).isEqualTo(404);
        assertThat(editor.get("/api/admin/articles/" + id).json().get("status").asString()).as("as editors see it").isEqualTo("UNPUBLISHED");
        assertThat(status(id)).as("nothing has run").isEqualTo("PUBLISHED");
        assertThat(receiver.received("article.unpublished")).isEmpty();

        job().start();
        Received heard = receiver.await(Duration.ofSeconds(10), r -> !r.stream().filter(x -> x.event().equals("article.unpublished")).toList().isEmpty())
                .stream().filter(x -> x.event().equals("article.unpublished")).findFirst().orElseThrow();
        assertThat(json.readTree(heard.body()).get("article").get("id").asString()).isEqualTo(id);
        assertThat(status(id)).isEqualTo("UNPUBLISHED");
        assertThat(editor.get("/api/admin/articles/" + id).json().get("unpublishAt").isNull()).as("the plan is done with").isTrue();
        WebhooksIT.sleep(Duration.ofMillis(600));
        assertThat(receiver.received("article.unpublished")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'article.unpublished' AND target_id = ?::uuid",
                Long.class, id)).isEqualTo(1);

        // Published again, it stays: the old plan does not hide it a second time.
        assertThat(editor.post("/api/admin/articles/" + id + "/publish", null).status()).isEqualTo(200);
        assertThat(api.get(Api.articlePath(slug)).status()).isEqualTo(200);
    }

    @Test
    void aScheduledArticleWhoseWholeWindowPassedWhileNothingRanIsAnnouncedPublishedThenUnpublished() {
        String id = createId(editor, "Live blog of a short press conference");
        job().stop();
        Instant at = Instant.now().plusMillis(400);
        assertThat(editor.post("/api/admin/articles/" + id + "/schedule", Map.of("at", at.toString(),
                "unpublishAt", at.plusMillis(400).toString())).status()).isEqualTo(200);
        WebhooksIT.sleep(Duration.ofMillis(1200));
        assertThat(status(id)).isEqualTo("SCHEDULED");
        assertThat(editor.get("/api/admin/articles/" + id).json().get("status").asString()).isEqualTo("UNPUBLISHED");

        job().start();
        List<Received> received = receiver.await(Duration.ofSeconds(10), r -> r.size() == 2);
        // deliveries are sent side by side and may arrive in either order (README): what happened first is in occurredAt
        assertThat(received.stream().sorted(java.util.Comparator.comparing((Received r) -> Instant.parse(json.readTree(r.body()).get("occurredAt").asString())))
                .map(Received::event).toList()).containsExactly("article.published", "article.unpublished");
        assertThat(status(id)).isEqualTo("UNPUBLISHED");
    }

    @Test
    void twoInstancesUnpublishManyArticlesDueAtTheSameMomentExactlyOnce() {
        int count = 60;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(publishedId(editor, "Story withdrawn at noon, number " + i));
        }
        receiver.await(Duration.ofSeconds(30), r -> r.size() >= count);
        try (SecondInstance second = SecondInstance.start()) {
            Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
            for (String id : ids) {
                assertThat(editor.put("/api/admin/articles/" + id + "/unpublish-at", Map.of("at", until.toString())).status()).isEqualTo(200);
            }
            assertThat(Instant.now()).as("planning took too long for this test to mean anything").isBefore(until);

            receiver.await(Duration.ofSeconds(30), r -> r.stream().filter(x -> x.event().equals("article.unpublished")).count() >= count);
            WebhooksIT.sleep(Duration.ofSeconds(1)); // both jobs and both workers have had several more turns

            List<Received> unpublished = receiver.received("article.unpublished");
            Map<String, Long> events = unpublished.stream()
                    .map(r -> json.readTree(r.body()).get("article").get("id").asString())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(events.values()).containsOnly(1L);
            assertThat(unpublished).allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(until));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM articles WHERE status = 'UNPUBLISHED' AND id = ANY (?::uuid[])",
                    Long.class, (Object) ids.toArray(String[]::new))).isEqualTo(count);
        }
    }

    @Test
    void anUnpublishingTimeMustBeInTheFutureAfterThePublicationAndOnlyOnPublishedOrScheduledArticles() {
        String draft = createId(editor, "Not yet published");
        assertThat(editor.put("/api/admin/articles/" + draft + "/unpublish-at", Map.of("at", Instant.now().plusSeconds(60).toString())).status())
                .isEqualTo(409);
        assertThat(editor.post("/api/admin/articles/" + draft + "/publish", Map.of("unpublishAt", Instant.now().minusSeconds(60).toString())).status())
                .isEqualTo(400);
        assertThat(status(draft)).as("no partial write").isEqualTo("DRAFT");
        Instant at = Instant.now().plusSeconds(3600);
        assertThat(editor.post("/api/admin/articles/" + draft + "/schedule", Map.of("at", at.toString(),
                "unpublishAt", at.minusSeconds(60).toString())).status()).isEqualTo(400);
        assertThat(status(draft)).isEqualTo("DRAFT");

        String live = publishedId(editor, "Published, then planned to go");
        assertThat(editor.put("/api/admin/articles/" + live + "/unpublish-at", Map.of("at", "yesterday")).status()).isEqualTo(400);
        assertThat(editor.put("/api/admin/articles/" + live + "/unpublish-at", Map.of("at", Instant.now().plusSeconds(60).toString())).status())
                .isEqualTo(200);
        assertThat(api.as(writerKey).delete("/api/admin/articles/" + live + "/unpublish-at").status()).isEqualTo(403);
        Api.Result cancelled = editor.delete("/api/admin/articles/" + live + "/unpublish-at");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("unpublishAt").isNull()).isTrue();
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_id = ?::uuid ORDER BY id", String.class, live))
                .contains("article.unpublishing-planned", "article.unpublishing-cancelled");
    }

    private Lifecycle job() {
        return context.getBean("scheduledTransitions", Lifecycle.class);
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM articles WHERE id = ?::uuid", String.class, id);
    }
}
