package io.newsroom.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsroom.support.Api;
import io.newsroom.support.FeedServer;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.SecondInstance;
import io.newsroom.support.WebhookReceiver;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One story, several sources, end to end: real feeds on 127.0.0.1 from three outlets, two telling
 * one event in their own words and one a different event of the same bank (pairs of the labelled
 * set). Readers see the event once, with every outlet that reported it; editors see the story
 * and split and merge it.
 */
class StoriesIT extends IntegrationTest {

    private static final String WAFD_HEADLINE = "البنك المركزي المصري يثبت أسعار الفائدة للمرة الثالثة على التوالي";
    private static final String WAFD_LEAD = "قررت لجنة السياسة النقدية في البنك المركزي المصري الإبقاء على أسعار الفائدة دون تغيير في اجتماعها اليوم.";
    private static final String NOVOSTI_HEADLINE = "المركزي يبقي على سعر الفائدة دون تغيير";
    private static final String NOVOSTI_LEAD = "أبقت لجنة السياسة النقدية بالبنك المركزي على أسعار العائد الأساسية دون تغيير للاجتماع الثالث على التوالي.";
    private static final String AHRAM_HEADLINE = "البنك المركزي المصري يطرح أذون خزانة بقيمة 20 مليار جنيه";
    private static final String AHRAM_LEAD = "يطرح البنك المركزي المصري اليوم أذون خزانة بقيمة 20 مليار جنيه نيابة عن وزارة المالية.";

    FeedServer server;
    Api editor;

    @BeforeEach
    void start() {
        server = new FeedServer();
        editor = api.as(editorKey);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The three outlets' feeds polled in turn; answers the article ids of the Wafd, Novosti and Ahram items. */
    private Map<String, UUID> pollThreeOutlets() {
        Map<String, UUID> ids = new HashMap<>();
        for (String outlet : List.of("wafd", "novosti", "ahram")) {
            ids.put(outlet, pollOutlet(outlet, editor));
        }
        return ids;
    }

    /** Adds the outlet's source and feed, has the instance behind {@code through} poll it now; answers its article's id. */
    private UUID pollOutlet(String name, Api through) {
        Map<String, String[]> outlets = Map.of(
                "wafd", new String[] {"بوابة الوفد", WAFD_HEADLINE, WAFD_LEAD},
                "novosti", new String[] {"نوفوستي", NOVOSTI_HEADLINE, NOVOSTI_LEAD},
                "ahram", new String[] {"الأهرام", AHRAM_HEADLINE, AHRAM_LEAD});
        String[] outlet = outlets.get(name);
        String sourceId = source(outlet[0], name);
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + outlet[0] + "</title>"
                + "<item><guid>" + name + "-1</guid><title>" + outlet[1] + "</title><link>https://" + name + ".example/news/1</link>"
                + "<description>" + outlet[2] + "</description><category>البنك المركزي</category></item></channel></rss>";
        server.serve("/" + name + ".xml", FeedServer.feed(SourceFeedsIT.RSS, () -> document));
        Map<String, Object> settings = new HashMap<>(Map.of("url", server.url("/" + name + ".xml"), "enabled", false));
        String feedId = editor.post(SourceFeedsIT.feedsPath(sourceId), settings).json().get("id").asString();
        Api.Result polled = through.post(SourceFeedsIT.feedsPath(sourceId) + "/" + feedId + "/poll", null);
        assertThat(polled.status()).as(polled.toString()).isEqualTo(200);
        assertThat(polled.json().get("created").asInt()).as(polled.toString()).isEqualTo(1);
        assertThat(polled.json().get("joinedStories").asInt()).as(polled.toString()).isEqualTo(name.equals("novosti") ? 1 : 0);
        return jdbc.queryForObject("SELECT article_id FROM ingested_documents WHERE uri = ?", UUID.class, "feed:" + feedId + ":" + name + "-1");
    }

    @Test
    void anInstanceHearsOfStoriesAnotherPublishedAndJoinsThem() {
        try (SecondInstance second = SecondInstance.start()) {
            Api other = new Api(second.port(), json).as(editorKey);
            // the other instance reads its story index now (a story of its own), then has to hear of the Wafd one
            UUID ahram = pollOutlet("ahram", other);
            UUID wafd = pollOutlet("wafd", editor);
            sleep(Duration.ofSeconds(1)); // "a change shows on every instance within 1 s"
            UUID novosti = pollOutlet("novosti", other);
            assertThat(jdbc.queryForObject("SELECT story_lead_id FROM articles WHERE id = ?", UUID.class, novosti)).isEqualTo(wafd);
            assertThat(jdbc.queryForObject("SELECT story_lead_id FROM articles WHERE id = ?", UUID.class, ahram)).isNull();
        }
    }

    @Test
    void oneEventToldByTwoOutletsShowsOnceWithEveryOutletThatReportedIt() {
        Map<String, UUID> ids = pollThreeOutlets();
        String leadSlug = slug(ids.get("wafd"));
        String memberSlug = slug(ids.get("novosti"));

        // the lead names the other outlet; the different event in the same province stands alone
        JsonNode lead = api.get("/api/content/articles/" + leadSlug).json();
        JsonNode reports = lead.get("alsoReportedBy");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("source").get("name").asString()).isEqualTo("نوفوستي");
        assertThat(reports.get(0).get("source").get("slug").asString()).isNotBlank();
        assertThat(reports.get(0).get("url").asString()).isEqualTo("https://novosti.example/news/1");
        assertThat(reports.get(0).get("publishedAt").isNull()).isFalse();
        assertThat(api.get("/api/content/articles/" + slug(ids.get("ahram"))).json().get("alsoReportedBy")).isEmpty();

        // a member's own URL sends readers to the story
        Api.Result member = api.get("/api/content/articles/" + memberSlug);
        assertThat(member.status()).as(member.toString()).isEqualTo(301);
        assertThat(URLDecoder.decode(member.header("Location"), StandardCharsets.UTF_8)).endsWith("/api/content/articles/" + leadSlug);

        // lists, search, feeds, sitemaps and similar lists show the story once
        assertThat(slugs(api.get("/api/content/articles").json())).containsExactlyInAnyOrder(leadSlug, slug(ids.get("ahram")));
        assertThat(slugs(api.get("/api/content/search?q=" + "الفائدة").json())).containsExactly(leadSlug);
        for (String listing : List.of("/feeds/rss.xml", "/feeds/atom.xml", "/sitemap.xml", "/sitemap-news.xml")) {
            String body = api.get(listing).body();
            assertThat(body).as(listing).doesNotContain(NOVOSTI_HEADLINE).doesNotContain(encoded(memberSlug));
        }
        assertThat(api.get("/feeds/rss.xml").body()).contains(WAFD_HEADLINE);
        assertThat(slugs(api.get("/api/content/articles/" + slug(ids.get("ahram")) + "/similar").json())).doesNotContain(memberSlug);

        // editors see the story, whichever article they start from
        JsonNode story = editor.get("/api/admin/articles/" + ids.get("novosti") + "/story").json();
        assertThat(story.get("leadId").asString()).isEqualTo(ids.get("wafd").toString());
        assertThat(story.get("articles")).hasSize(2);
        assertThat(story.get("articles").get(0).get("lead").asBoolean()).isTrue();
        assertThat(story.get("articles").get(1).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(editor.get("/api/admin/articles/" + ids.get("novosti")).json().get("storyLeadId").asString())
                .isEqualTo(ids.get("wafd").toString());
        JsonNode stories = editor.get("/api/admin/stories").json();
        assertThat(stories.get("items")).hasSize(1);
        assertThat(stories.get("items").get(0).get("leadId").asString()).isEqualTo(ids.get("wafd").toString());
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE article_id = ?", String.class, ids.get("novosti")))
                .contains("story.joined");

        // an outlet's telling taken off the site leaves the lead's list, and its URL shows nothing
        Api.Result unpublished = editor.post("/api/admin/articles/" + ids.get("novosti") + "/unpublish", null);
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
        assertThat(api.get("/api/content/articles/" + leadSlug).json().get("alsoReportedBy")).isEmpty();
        assertThat(api.get("/api/content/articles/" + memberSlug).status()).isEqualTo(404);
    }

    @Test
    void editorsSplitAnArticleOutOfItsStoryAndMergeStoriesAndSubscribersHearWhatReadersSee() {
        Map<String, UUID> ids = pollThreeOutlets();
        UUID wafd = ids.get("wafd");
        UUID novosti = ids.get("novosti");
        UUID ahram = ids.get("ahram");
        String storyPath = "/api/admin/articles/" + novosti + "/story";
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            api.as(adminKey).post("/api/admin/webhooks", Map.of("url", receiver.url(),
                    "events", List.of("article.published", "article.unpublished", "article.updated")));

            // writers and anonymous readers cannot reshape stories
            assertThat(api.as(writerKey).delete(storyPath).status()).isEqualTo(403);
            assertThat(api.delete(storyPath).status()).isEqualTo(401);

            Api.Result split = editor.delete(storyPath);
            assertThat(split.status()).as(split.toString()).isEqualTo(200);
            assertThat(split.json().get("articles")).hasSize(1);
            assertThat(api.get("/api/content/articles/" + slug(novosti)).status()).isEqualTo(200);
            assertThat(api.get("/api/content/articles/" + slug(wafd)).json().get("alsoReportedBy")).isEmpty();
            assertThat(editor.delete(storyPath).status()).as("alone already").isEqualTo(409);
            await().atMost(Duration.ofSeconds(10)).until(() -> events(receiver, novosti).contains("article.published"));

            // the Ahram article (and its story of one) joins the Novosti one's story: one story, Novosti leads
            Api.Result merged = editor.put("/api/admin/articles/" + ahram + "/story", Map.of("storyOf", novosti.toString()));
            assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
            assertThat(merged.json().get("leadId").asString()).isEqualTo(novosti.toString());
            assertThat(api.get("/api/content/articles/" + slug(ahram)).status()).isEqualTo(301);
            assertThat(api.get("/api/content/articles/" + slug(novosti)).json().get("alsoReportedBy").get(0).get("source").get("name").asString())
                    .isEqualTo("الأهرام");
            await().atMost(Duration.ofSeconds(10)).until(() -> events(receiver, ahram).contains("article.unpublished")
                    && events(receiver, novosti).contains("article.updated"));

            // a member taken off the site, and put back, changes what readers see of the lead: subscribers hear of it
            long updates = events(receiver, novosti).stream().filter("article.updated"::equals).count();
            assertThat(editor.post("/api/admin/articles/" + ahram + "/unpublish", null).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> events(receiver, novosti).stream().filter("article.updated"::equals).count() > updates);
            assertThat(editor.post("/api/admin/articles/" + ahram + "/publish", null).status()).isEqualTo(200);
            assertThat(events(receiver, ahram)).as("a member is never announced on its own").doesNotContain("article.published");

            // the lead leaves its story: the other article stands for it
            Api.Result leadLeaves = editor.delete("/api/admin/articles/" + novosti + "/story");
            assertThat(leadLeaves.status()).as(leadLeaves.toString()).isEqualTo(200);
            assertThat(api.get("/api/content/articles/" + slug(ahram)).status()).isEqualTo(200);
            assertThat(api.get("/api/content/articles/" + slug(novosti)).status()).isEqualTo(200);

            // bad requests are problems, nothing changes
            assertThat(editor.put(storyPath, Map.of("storyOf", novosti.toString())).status()).isEqualTo(400);
            assertThat(editor.put(storyPath, Map.of("storyOf", UUID.randomUUID().toString())).status()).isEqualTo(404);
            assertThat(editor.put(storyPath, Map.of()).status()).isEqualTo(400);
            assertThat(editor.get("/api/admin/articles/" + UUID.randomUUID() + "/story").status()).isEqualTo(404);
        }
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE action LIKE 'story.%' ORDER BY id", String.class))
                .containsExactly("story.joined", "story.split", "story.joined", "story.split");
    }

    @Test
    void twoEditorsMergingTwoStoriesIntoEachOtherAtOnceEndInOneStory() throws Exception {
        Map<String, UUID> ids = pollThreeOutlets();
        UUID wafd = ids.get("wafd");
        UUID ahram = ids.get("ahram");
        for (int round = 0; round < 5; round++) {
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> one = pool.submit(() -> {
                    barrier.await();
                    return editor.put("/api/admin/articles/" + wafd + "/story", Map.of("storyOf", ahram.toString())).status();
                });
                Future<Integer> other = pool.submit(() -> {
                    barrier.await();
                    return editor.put("/api/admin/articles/" + ahram + "/story", Map.of("storyOf", wafd.toString())).status();
                });
                List<Integer> statuses = List.of(one.get(), other.get());
                assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 409)).contains(200);
            } finally {
                pool.shutdown();
            }
            // one story, whoever won: both name one lead, which leads (no cycle), and readers see one of the two
            UUID lead = jdbc.queryForObject("SELECT coalesce(story_lead_id, id) FROM articles WHERE id = ?", UUID.class, wafd);
            assertThat(jdbc.queryForObject("SELECT coalesce(story_lead_id, id) FROM articles WHERE id = ?", UUID.class, ahram)).isEqualTo(lead);
            assertThat(jdbc.queryForObject("SELECT story_lead_id FROM articles WHERE id = ?", UUID.class, lead)).isNull();
            assertThat(slugs(api.get("/api/content/articles").json())).containsOnlyOnce(slug(lead))
                    .doesNotContain(slug(lead.equals(wafd) ? ahram : wafd));
            // and apart again for the next round
            for (UUID id : List.of(wafd, ahram, ids.get("novosti"))) {
                editor.delete("/api/admin/articles/" + id + "/story");
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM articles WHERE story_lead_id IS NOT NULL", Long.class)).isZero();
        }
    }

    // ------------------------------------------------------------------

    private String source(String name, String host) {
        Api.Result created = api.as(adminKey).post("/api/admin/sources", Map.of("name", name, "url", "https://" + host + ".example/"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String slug(UUID id) {
        return editor.get("/api/admin/articles/" + id).json().get("slug").asString();
    }

    private static List<String> slugs(JsonNode page) {
        List<String> slugs = new ArrayList<>();
        page.get("items").forEach(item -> slugs.add(item.get("slug").asString()));
        return slugs;
    }

    private static String encoded(String slug) {
        return java.net.URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> events(WebhookReceiver receiver, UUID articleId) {
        return receiver.received().stream().filter(r -> json.readTree(r.body()).get("article").get("id").asString().equals(articleId.toString()))
                .map(WebhookReceiver.Received::event).toList();
    }
}
