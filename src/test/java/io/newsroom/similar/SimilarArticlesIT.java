package io.newsroom.similar;

import static io.newsroom.support.ArticleFixtures.publishedId;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.demo.DemoContent;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Similar lists on the seed page's content (the demo: the main article, its read-also article and the
 * ten stories of the page's own similar list, two pairs of which are the same story) plus controls.
 */
class SimilarArticlesIT extends IntegrationTest {

    private static final String MAIN = "باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب";
    private static final String READ_ALSO = "الخارجية الروسية: قرار إنجاز اتفاق تعاون شامل مع إيران استراتيجي ولو يفقد زخمه";

    @Autowired
    DemoContent demo;

    private Api editor;
    private String mainSlug;
    private String mainId;

    @Autowired
    TagIndex index;

    @Autowired
    TagWeights weights;

    @Autowired
    SimilarProperties properties;

    @BeforeEach
    void seedPage() {
        demo.load();
        indexCaughtUp();
        editor = api.as(editorKey);
        mainId = idOf(MAIN);
        mainSlug = jdbc.queryForObject("SELECT slug FROM articles WHERE id = ?::uuid", String.class, mainId);
    }

    @Test
    void theMainArticlesListIsBetterThanTheSeedPages() {
        List<String> headlines = similarHeadlines(mainSlug, 10);
        assertThat(headlines).isNotEmpty().doesNotContain(MAIN).doesNotContain(READ_ALSO);
        // The page listed two stories twice (two outlets each): ours has each once.
        assertThat(headlines.stream().filter(h -> h.startsWith("المحور الصيني الباكستاني"))).hasSize(1);
        assertThat(headlines.stream().filter(h -> h.contains("مصرع 16"))).hasSize(1);
        assertThat(headlines).doesNotHaveDuplicates();

        JsonNode explained = explain(mainId, 10);
        List<String> droppedAsDuplicates = new ArrayList<>();
        explained.get("dropped").forEach(d -> {
            assertThat(d.get("reason").asString()).isEqualTo("near-duplicate");
            assertThat(d.get("duplicateOf").isNull()).isFalse();
            assertThat(d.get("similarity").asDouble()).isGreaterThanOrEqualTo(0.6);
            droppedAsDuplicates.add(d.get("headline").asString());
        });
        assertThat(droppedAsDuplicates).hasSize(2).anyMatch(h -> h.startsWith("المحور الصيني")).anyMatch(h -> h.contains("مصرع 16"));
    }

    @Test
    void sharingARareTagCountsForMoreThanSharingACommonOne() {
        // Both are new; one shares only "إيران" (on many stories), the other only "خطة عمل مشتركة" (on the main one alone).
        String common = publishedId(editor, "Tehran hosts a trade fair", "إيران");
        String rare = publishedId(editor, "Another joint action plan is signed", "خطة عمل مشتركه");
        indexCaughtUp();
        List<String> ids = similarIds(mainSlug, 50);
        assertThat(ids).contains(common, rare);
        assertThat(ids.indexOf(rare)).isLessThan(ids.indexOf(common));

        JsonNode items = explain(mainId, 50).get("items");
        JsonNode rareItem = item(items, rare);
        JsonNode commonItem = item(items, common);
        assertThat(rareItem.get("sharedTags").get(0).get("name").asString()).isEqualTo("خطة عمل مشتركة");
        assertThat(rareItem.get("sharedTags").get(0).get("weight").asDouble())
                .isGreaterThan(commonItem.get("sharedTags").get(0).get("weight").asDouble());
    }

    @Test
    void betweenEqualOverlapsTheNewerStoryWins() {
        String older = publishedId(editor, "Kashmir road news one", "كشمير");
        jdbc.update("UPDATE articles SET published_at = now() - interval '30 days' WHERE id = ?::uuid", older);
        String newer = publishedId(editor, "Kashmir valley weather report", "كشمير");
        indexCaughtUp();
        List<String> ids = similarIds(slugOf(older), 50);
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(jdbc.queryForObject(
                "SELECT id::text FROM articles WHERE headline LIKE 'مصرع 16%'", String.class)));
        JsonNode items = explain(idOf("مصرع 16 شخصا معظمهم أطفال إثر سقوط حافلة بنهر في كشمير"), 50).get("items");
        assertThat(item(items, newer).get("recency").asDouble()).isGreaterThan(item(items, older).get("recency").asDouble());
    }

    @Test
    void onlyPublishedArticlesAppearAndChangesShowAtOnce() {
        String draft = ArticleFixtures.createId(editor, "A draft on the plan", "خطة عمل مشتركة", "باكستان", "إيران");
        String candidate = publishedId(editor, "Plan to be unpublished", "خطة عمل مشتركة", "باكستان");
        String deleted = publishedId(editor, "Plan to be deleted", "خطة عمل مشتركة", "باكستان");
        indexCaughtUp();
        List<String> before = similarIds(mainSlug, 50);
        assertThat(before).contains(candidate, deleted).doesNotContain(draft);

        assertThat(editor.post("/api/admin/articles/" + candidate + "/unpublish", null).status()).isEqualTo(200);
        assertThat(editor.delete("/api/admin/articles/" + deleted).status()).isEqualTo(204);
        // The next request after the commit already leaves them out, before the index has heard of
        // the change: the listed articles are loaded through the visibility rule again.
        assertThat(similarIds(mainSlug, 50)).doesNotContain(candidate, deleted, draft);
        assertThat(idsOf(explain(mainId, 50).get("items"))).doesNotContain(candidate, deleted, draft);

        String fresh = publishedId(editor, "A brand new story on the plan", "خطة عمل مشتركة");
        indexCaughtUp();
        assertThat(similarIds(mainSlug, 50)).contains(fresh);

        String scheduled = ArticleFixtures.createId(editor, "A scheduled story on the plan", "خطة عمل مشتركة");
        editor.post("/api/admin/articles/" + scheduled + "/schedule", Map.of("at", java.time.Instant.now().plusSeconds(3600).toString()));
        indexCaughtUp();
        assertThat(similarIds(mainSlug, 50)).doesNotContain(scheduled);
    }

    /**
     * Exact lists: the oldest story sharing three popular tags with the seed, each on 301 newer
     * stories, ranks first. A list built from each tag's newest 300 (the design before the tag
     * index) never saw it.
     */
    @Test
    void everyArticleSharingATagIsACandidateHoweverPopularTheTag() {
        String seed = publishedId(editor, "Seed on three busy beats", "beat one", "beat two", "beat three");
        String oldest = publishedId(editor, "The old analysis of all three beats", "beat one", "beat two", "beat three");
        jdbc.update("UPDATE articles SET published_at = now() - interval '20 days' WHERE id = ?::uuid", oldest);
        for (String beat : List.of("beat one", "beat two", "beat three")) {
            String tag = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = ?", String.class, beat);
            // 301 newer stories with this tag alone, straight into the tables (as a bulk import writes them)
            jdbc.update("""
                    WITH made AS (
                      INSERT INTO articles (id, slug, slug_key, status, headline, published_at, created_at, updated_at)
                      SELECT gen_random_uuid(), 'busy-' || md5(?::text || n), 'busy-' || md5(?::text || n), 'PUBLISHED',
                             'Busy story ' || n || ' on ' || ?::text, now() - n * interval '1 minute', now(), now()
                      FROM generate_series(1, 301) n RETURNING id)
                    INSERT INTO article_tags (article_id, position, tag_id) SELECT id, 0, ?::uuid FROM made""", beat, beat, beat, tag);
        }
        indexCaughtUp();
        assertThat(similarIds(slugOf(seed), 5)).first().isEqualTo(oldest);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = 'beat one'",
                Integer.class)).isEqualTo(303);
    }

    /**
     * The walk keeps a head a few longer than the list: when near-duplicates use it up (nine tellings
     * of one story, the newest), it walks again with a longer head, and the list is still full.
     */
    @Test
    void aHeadUsedUpByNearDuplicatesIsWalkedAgainUntilTheListIsFull() {
        String seed = publishedId(editor, "Harbour authority reviews its safety rules", "harbour watch");
        String tag = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'harbour watch'", String.class);
        insertTagged(tag, "harbour-other", "md5(n || 'a') || ' ' || md5(n || 'b') || ' ' || md5(n || 'c')", 12, 30);
        insertTagged(tag, "harbour-blast", "'Port blast shakes the whole city at dawn, telling ' || n", 9, 0);
        indexCaughtUp();

        JsonNode explained = explain(seed, 10);
        List<String> headlines = explained.get("items").findValuesAsString("headline");
        assertThat(headlines).hasSize(10);
        assertThat(headlines.stream().filter(h -> h.startsWith("Port blast"))).hasSize(1);
        assertThat(explained.get("dropped").findValuesAsString("reason")).hasSize(8).containsOnly("near-duplicate");
        assertThat(similarIds(slugOf(seed), 10)).isEqualTo(idsOf(explained.get("items")));
    }

    /**
     * A list passes over most articles by the signature of their tags kept beside each tag's postings
     * (Postings): an article that gains tags while keeping one must be judged by its new tags in that
     * one's postings too. Here the story that gains two of the seed's tags becomes the best candidate,
     * and the walk meets it first in the postings of the rare tag it had all along, after twelve newer
     * stories have filled the head with a worst score above that tag's weight alone.
     */
    @Test
    void anArticleThatGainsTagsIsJudgedByThemInThePostingsOfTheTagItKept() {
        String seed = publishedId(editor, "Tide tables for the coming week", "tide rare", "tide middle", "tide common");
        String rare = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'tide rare'", String.class);
        String middle = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'tide middle'", String.class);
        String common = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'tide common'", String.class);
        String unrelated = "md5(n || 'a') || ' ' || md5(n || 'b') || ' ' || md5(n || 'c')";
        insertTagged(rare, "tide-pair-", unrelated, 12, 10);
        jdbc.update("INSERT INTO article_tags (article_id, position, tag_id) SELECT id, 1, ?::uuid FROM articles WHERE slug LIKE 'tide-pair-%'",
                middle);
        insertTagged(middle, "tide-middle-", unrelated, 20, 2 * 24 * 60);
        insertTagged(common, "tide-common-", unrelated, 40, 3 * 24 * 60);
        insertTagged(rare, "tide-late-", "'Harbour pilots strike over night shifts'", 1, 60);
        String late = jdbc.queryForObject("SELECT id::text FROM articles WHERE slug = 'tide-late-1'", String.class);
        indexCaughtUp();
        assertThat(similarIds(slugOf(seed), 5)).hasSize(5).doesNotContain(late);

        jdbc.update("INSERT INTO article_tags (article_id, position, tag_id) VALUES (?::uuid, 1, ?::uuid), (?::uuid, 2, ?::uuid)",
                late, middle, late, common);
        indexCaughtUp();
        assertThat(similarIds(slugOf(seed), 5)).first().isEqualTo(late);
    }

    /** {@code count} published stories with this tag alone, straight into the tables, the first {@code minutesAgo} + 1 minutes old. */
    private void insertTagged(String tag, String slugPrefix, String headlineSql, int count, int minutesAgo) {
        jdbc.update("""
                WITH made AS (
                  INSERT INTO articles (id, slug, slug_key, status, headline, published_at, created_at, updated_at)
                  SELECT gen_random_uuid(), ? || n, ? || n, 'PUBLISHED', %s, now() - (? + n) * interval '1 minute', now(), now()
                  FROM generate_series(1, ?) n RETURNING id)
                INSERT INTO article_tags (article_id, position, tag_id) SELECT id, 0, ?::uuid FROM made""".formatted(headlineSql),
                slugPrefix, slugPrefix, minutesAgo, count, tag);
    }

    @Test
    void aTagMergeTakesEffect() {
        String other = publishedId(editor, "Islamabad and Tehran agree on border security", "Pakistan-Iran plan");
        indexCaughtUp();
        assertThat(similarIds(mainSlug, 50)).doesNotContain(other);
        String from = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'Pakistan-Iran plan'", String.class);
        String into = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'خطة عمل مشتركة'", String.class);
        assertThat(editor.post("/api/admin/tags/" + from + "/merge", Map.of("intoId", into)).status()).isEqualTo(200);
        indexCaughtUp();
        assertThat(similarIds(mainSlug, 50)).contains(other);
    }

    @Test
    void limitsAndTiesAreStableAndExplainMatchesTheList() {
        List<String> ten = similarIds(mainSlug, 10);
        assertThat(similarIds(mainSlug, 10)).isEqualTo(ten);
        assertThat(similarIds(mainSlug, 3)).isEqualTo(ten.subList(0, 3));
        assertThat(ten.size()).isLessThanOrEqualTo(10);

        JsonNode explained = explain(mainId, 10);
        assertThat(idsOf(explained.get("items"))).isEqualTo(ten);
        assertThat(explained.get("formula").asString()).contains("ln(1 + N / n(tag))");
        double previous = Double.MAX_VALUE;
        for (JsonNode item : explained.get("items")) {
            double weights = StreamSupport.stream(item.get("sharedTags").spliterator(), false).mapToDouble(t -> t.get("weight").asDouble()).sum();
            assertThat(item.get("score").asDouble()).isCloseTo(weights * item.get("recency").asDouble(), org.assertj.core.data.Offset.offset(0.001));
            assertThat(item.get("score").asDouble()).isLessThanOrEqualTo(previous);
            previous = item.get("score").asDouble();
        }
        JsonNode plain = editor.get("/api/admin/articles/" + mainId + "/similar").json();
        assertThat(idsOf(plain.get("items"))).isEqualTo(ten);
        assertThat(plain.get("items").get(0).get("sharedTags").isNull()).isTrue();
    }

    @Test
    void contentEndpointAnswersLikeTheRestOfTheContentApi() {
        Api.Result result = api.get("/api/content/articles/" + mainSlug + "/similar?limit=5");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("ETag")).isNotBlank();
        assertThat(result.header("Cache-Control")).contains("public");
        assertThat(result.header("Surrogate-Key")).contains("article-" + mainId);
        JsonNode first = result.json().get("items").get(0);
        assertThat(first.has("status")).isFalse();
        assertThat(first.has("bodyHtml")).as("items are summaries").isFalse();
        assertThat(first.get("headline").asString()).isNotBlank();
        assertThat(first.get("tags")).isNotEmpty();
        assertThat(api.get("/api/content/articles/" + mainSlug + "/similar?limit=5", "If-None-Match", result.header("ETag")).status()).isEqualTo(304);
        assertThat(api.get("/api/content/articles/" + mainSlug + "/similar?limit=51").status()).isEqualTo(400);
        assertThat(api.get("/api/content/articles/no-such-article/similar").status()).isEqualTo(404);

        String draft = ArticleFixtures.createId(editor, "A draft seed", "إيران");
        indexCaughtUp();
        assertThat(api.get("/api/content/articles/" + slugOf(draft) + "/similar").status()).isEqualTo(404);
        assertThat(editor.get("/api/admin/articles/" + draft + "/similar").json().get("items")).isNotEmpty();
        // a WRITER sees similar lists of their own drafts; an editor's draft is not found to them (WriterIsolationIT)
        String writersDraft = ArticleFixtures.createId(api.as(writerKey), "A writer's draft", "إيران");
        assertThat(api.as(writerKey).get("/api/admin/articles/" + writersDraft + "/similar").status()).isEqualTo(200);
        assertThat(api.as(writerKey).get("/api/admin/articles/" + draft + "/similar").status()).isEqualTo(404);
        assertThat(api.get("/api/admin/articles/" + draft + "/similar").status()).isEqualTo(401);
    }

    @Test
    void aSpellingVariantOfTheSlugRedirects() {
        String variant = mainSlug.replace("إ", "ا");
        assertThat(variant).isNotEqualTo(mainSlug);
        Api.Result redirect = api.get("/api/content/articles/" + variant + "/similar?limit=4");
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).endsWith("/similar?limit=4");
    }

    /**
     * The walk over the postings stops early (bounds on what an older article could still score, and
     * popular tags no longer walked once they cannot lift an article into the head): whatever it
     * skips, the list must be what scoring every visible article sharing a tag gives.
     */
    @Test
    void theListIsTheBestOfEveryArticleSharingATagWhereverTheWalkStops() {
        java.util.Random random = new java.util.Random(20261206);
        java.time.Instant now = java.time.Instant.now();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            List<String> tags = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                if (random.nextDouble() < (t == 0 ? 0.8 : 0.6 / (t + 1))) {
                    tags.add("وسم" + (char) ('ا' + t));
                }
            }
            if (tags.isEmpty()) {
                tags.add("وسمب");
            }
            StringBuilder headline = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                for (int c = 0; c < 5; c++) {
                    headline.append((char) ('ب' + random.nextInt(20)));
                }
                headline.append(' ');
            }
            // distinct minutes: no two stories tie on recency
            java.time.Instant published = now.minus(java.time.Duration.ofMinutes(1 + i * 211L + random.nextInt(200)));
            lines.append(json.writeValueAsString(Map.of("externalId", "walk-" + i, "status", "PUBLISHED", "publishedAt", published.toString(),
                    "headline", headline.toString().strip(), "bodyHtml", "<p>" + headline + "</p>", "tags", tags))).append('\n');
        }
        Api.Result imported = api.as(adminKey).postStream("/api/admin/ingest/bulk", "application/x-ndjson",
                () -> new java.io.ByteArrayInputStream(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(imported.json().get("created").asInt()).as(imported.toString()).isEqualTo(400);
        indexCaughtUp();

        // every visible article with its tags and visibility time, as the brute force sees them
        Map<UUID, Set<UUID>> tagsOf = new java.util.HashMap<>();
        Map<UUID, Long> visibleFrom = new java.util.HashMap<>();
        jdbc.query("SELECT a.id, a.visible_from, at.tag_id FROM articles a JOIN article_tags at ON at.article_id = a.id WHERE "
                + io.newsroom.article.ReaderVisibility.articleNow("a"), row -> {
                    UUID id = row.getObject("id", UUID.class);
                    tagsOf.computeIfAbsent(id, k -> new java.util.HashSet<>()).add(row.getObject("tag_id", UUID.class));
                    visibleFrom.put(id, row.getTimestamp("visible_from").getTime());
                });
        // seeds among these stories (the seed page's own stories are near-duplicates of each other, which the fold drops)
        List<UUID> seeds = new ArrayList<>(jdbc.queryForList("SELECT id FROM articles WHERE external_id LIKE 'walk-%' ORDER BY external_id",
                UUID.class));
        java.util.Collections.shuffle(seeds, random);
        for (UUID seed : seeds.subList(0, 30)) {
            Map<UUID, Double> idf = weights.idf(tagsOf.get(seed));
            long at = java.time.Instant.now().toEpochMilli();
            record Expected(UUID id, double score, long visibleFrom) {
            }
            List<UUID> expected = tagsOf.keySet().stream().filter(id -> !id.equals(seed))
                    .map(id -> new Expected(id, tagsOf.get(id).stream().filter(idf::containsKey).mapToDouble(idf::get).sum()
                            * properties.recency(java.time.Duration.ofMillis(at - visibleFrom.get(id))), visibleFrom.get(id)))
                    .filter(e -> e.score() > 0)
                    .sorted(java.util.Comparator.comparingDouble(Expected::score).reversed()
                            .thenComparing(Expected::visibleFrom, java.util.Comparator.reverseOrder()).thenComparing(Expected::id))
                    .limit(10).map(Expected::id).toList();
            List<UUID> listed = new ArrayList<>();
            editor.get("/api/admin/articles/" + seed + "/similar?limit=10").json().get("items")
                    .forEach(item -> listed.add(UUID.fromString(item.get("id").asString())));
            assertThat(listed).as("similar list of " + seed).isEqualTo(expected);
        }
    }

    /**
     * Waits until this instance's tag index has applied every change committed so far: a marker sent
     * now comes after them on the channel. The index remembers only the change it applied last, and a
     * marker heard together with a "read everything" or while the listener reconnects is not among
     * them, so the marker is sent again every 50 ms until one is seen. A wait, not the measure of the
     * 1 s rule (ResponseCacheIT and DatabaseOutageIT hold that): a 2-core machine running the whole
     * suite has stalled a test thread for over a second.
     */
    private void indexCaughtUp() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            UUID marker = UUID.randomUUID();
            jdbc.execute("SELECT pg_notify('newsroom_articles', '" + marker + "')");
            long resend = System.nanoTime() + java.time.Duration.ofMillis(50).toNanos();
            while (System.nanoTime() < resend) {
                if (index.lastAppliedContains(marker)) {
                    return;
                }
                assertThat(System.nanoTime()).as("the index applies committed changes").isLessThan(deadline);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private List<String> similarHeadlines(String slug, int limit) {
        return api.get("/api/content/articles/" + slug + "/similar?limit=" + limit).json().get("items").findValuesAsString("headline");
    }

    private List<String> similarIds(String slug, int limit) {
        Api.Result result = api.get("/api/content/articles/" + slug + "/similar?limit=" + limit);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        result.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(Set.copyOf(ids)).hasSize(ids.size());
        return ids;
    }

    private JsonNode explain(String id, int limit) {
        Api.Result result = editor.get("/api/admin/articles/" + id + "/similar?explain=true&limit=" + limit);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    /** The items' own ids (findValues would also collect the ids of their shared tags). */
    private static List<String> idsOf(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static JsonNode item(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No item " + id + " in " + items);
    }

    private String idOf(String headline) {
        return jdbc.queryForObject("SELECT id::text FROM articles WHERE headline = ?", String.class, headline);
    }

    private String slugOf(String id) {
        return jdbc.queryForObject("SELECT slug FROM articles WHERE id = ?::uuid", String.class, id);
    }
}
