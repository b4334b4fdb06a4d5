package io.newsroom.author;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newsroom.content.SiteProperties;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.NinjsSchema;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Authors as readers see them, end to end: on articles (JSON, JSON-LD, ninjs), in lists, profiles and
 * feeds, former slugs answering 301, renames reaching stored pages, and nothing of an author whose
 * articles are all unpublished.
 */
class AuthorContentIT extends IntegrationTest {

    private Api editor;

    @BeforeEach
    void editor() {
        editor = api.as(editorKey);
    }

    @Test
    void articlesShowTheirAuthorsWithTheirPagesInJsonJsonLdAndNinjs() {
        String slug = publishedSlug("قمة الرياض", List.of("محمد علي", "سارة أحمد"));
        Api.Result page = api.get(Api.articlePath(slug));
        assertThat(page.status()).isEqualTo(200);
        JsonNode article = page.json();
        assertThat(article.get("byline").asString()).isEqualTo("محمد علي وسارة أحمد");
        JsonNode first = article.get("authors").get(0);
        assertThat(first.get("name").asString()).isEqualTo("محمد علي");
        assertThat(first.get("slug").asString()).isEqualTo("محمد-علي");
        assertThat(first.get("url").asString()).isEqualTo("http://localhost:8080/api/content/authors/" + SiteProperties.encode("محمد-علي"));
        assertThat(first.has("id")).as("no editorial ids beyond the article's own").isFalse();
        assertThat(article.get("authors").findValuesAsString("name")).containsExactly("محمد علي", "سارة أحمد");

        JsonNode ld = article.get("structuredData").get("author");
        assertThat(ld.isArray()).isTrue();
        assertThat(ld.get(0).get("@type").asString()).isEqualTo("Person");
        assertThat(ld.get(0).get("name").asString()).isEqualTo("محمد علي");
        assertThat(ld.get(0).get("url").asString()).isEqualTo(first.get("url").asString());
        assertThat(ld.get(1).get("name").asString()).isEqualTo("سارة أحمد");

        assertThat(page.header("Surrogate-Key")).contains(jdbc.queryForList("SELECT 'author-' || id FROM authors", String.class)
                .toArray(String[]::new));

        JsonNode ninjs = api.get(Api.articlePath(slug) + "?format=ninjs").json();
        assertThat(NinjsSchema.validate(ninjs)).isEmpty();
        assertThat(ninjs.get("by").asString()).isEqualTo("محمد علي وسارة أحمد");
        assertThat(ninjs.get("people").get(0).get("name").asString()).isEqualTo("محمد علي");
        assertThat(ninjs.get("people").get(0).get("rel").asString()).isEqualTo("author");
        assertThat(ninjs.get("people").get(0).get("uri").asString()).isEqualTo(first.get("url").asString());
        assertThat(ninjs.get("people").get(1).get("literal").asString()).isEqualTo("سارة-أحمد");

        // a stored article list carries them too
        assertThat(api.get("/api/content/articles").json().get("items").get(0).get("authors").findValuesAsString("name"))
                .containsExactly("محمد علي", "سارة أحمد");
    }

    @Test
    void authorsListAndProfilesShowOnlyAuthorsWithPublishedArticles() {
        publishedSlug("خبر منشور", List.of("محمد علي"));
        draft("مسودة", List.of("كاتب المسودات", "محمد علي"));
        String unpublished = publishedId("خبر سحب", List.of("كاتب مسحوب"));
        editor.post("/api/admin/articles/" + unpublished + "/unpublish", null);
        String ali = jdbc.queryForObject("SELECT id::text FROM authors WHERE name = 'محمد علي'", String.class);
        editor.put("/api/admin/authors/" + ali, Map.of("name", "محمد علي", "bio", "مراسل", "links", List.of("https://x.com/ali")));

        Api.Result list = api.get("/api/content/authors");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsString("name")).containsExactly("محمد علي");
        assertThat(list.json().get("items").get(0).get("articles").asLong()).isEqualTo(1);
        assertThat(list.header("Surrogate-Key")).contains("authors", "author-" + ali);
        assertThat(list.header("ETag")).isNotNull();

        Api.Result profile = api.get("/api/content/authors/" + SiteProperties.encode("محمد-علي"));
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("bio").asString()).isEqualTo("مراسل");
        assertThat(profile.json().get("links").get(0).asString()).isEqualTo("https://x.com/ali");
        assertThat(profile.json().get("url").asString()).endsWith("/api/content/authors/" + SiteProperties.encode("محمد-علي"));
        assertThat(profile.json().has("personId")).isFalse();
        JsonNode person = profile.json().get("structuredData");
        assertThat(person.get("@type").asString()).isEqualTo("Person");
        assertThat(person.get("url").asString()).isEqualTo(profile.json().get("url").asString());
        assertThat(person.get("sameAs").get(0).asString()).isEqualTo("https://x.com/ali");
        assertThat(api.get("/api/content/authors/" + SiteProperties.encode("محمد-علي"), "If-None-Match", profile.header("ETag")).status())
                .isEqualTo(304);

        // the draft-only and the unpublished-only authors do not exist for readers, anywhere
        for (String hidden : List.of("كاتب-المسودات", "كاتب-مسحوب")) {
            String slug = SiteProperties.encode(hidden);
            Api.Result missing = api.get("/api/content/authors/" + slug);
            assertThat(missing.status()).as(hidden).isEqualTo(404);
            assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("/feeds/authors/" + slug + "/rss.xml").status()).isEqualTo(404);
            assertThat(api.get("/feeds/authors/" + slug + "/atom.xml").status()).isEqualTo(404);
            assertThat(api.get("/api/content/articles?author=" + slug).json().get("items")).isEmpty();
        }
        assertThat(api.get("/api/content/search?q=" + Api.encode("مسودة")).body()).doesNotContain("كاتب المسودات");
        assertThat(api.get("/feeds/rss.xml").body()).doesNotContain("كاتب المسودات").doesNotContain("كاتب مسحوب");
        assertThat(api.get("/sitemap.xml").body()).doesNotContain(SiteProperties.encode("كاتب-مسحوب"));
        assertThat(api.get("/api/content/authors/" + SiteProperties.encode("لا-أحد")).status()).isEqualTo(404);
    }

    @Test
    void articleListsFilterByAuthorNewestFirst() {
        publishedSlug("خبر أول", List.of("محمد علي"));
        publishedSlug("خبر بلا كاتب", List.of());
        publishedSlug("خبر ثان", List.of("سارة أحمد", "محمد علي"));
        JsonNode items = api.get("/api/content/articles?author=" + SiteProperties.encode("محمد-علي")).json().get("items");
        assertThat(items.findValuesAsString("headline")).containsExactly("خبر ثان", "خبر أول");
        Api.Result paged = api.get("/api/content/articles?limit=1&author=" + SiteProperties.encode("محمد-علي"));
        assertThat(paged.json().get("items").findValuesAsString("headline")).containsExactly("خبر ثان");
        String next = paged.json().get("next").asString();
        assertThat(api.get("/api/content/articles?limit=1&author=" + SiteProperties.encode("محمد-علي") + "&cursor=" + next).json()
                .get("items").findValuesAsString("headline")).containsExactly("خبر أول");
        assertThat(api.get("/api/content/articles?author=" + SiteProperties.encode("لا-أحد")).json().get("items")).isEmpty();
    }

    @Test
    void eachAuthorHasAnRssAndAnAtomFeedThatRomeReads() throws Exception {
        publishedSlug("خبر أول للكاتب", List.of("محمد علي"));
        publishedSlug("خبر لغيره", List.of("سارة أحمد"));
        publishedSlug("خبر ثان للكاتب", List.of("سارة أحمد", "محمد علي"));
        String slug = SiteProperties.encode("محمد-علي");

        Api.Result rss = api.get("/feeds/authors/" + slug + "/rss.xml");
        assertThat(rss.status()).isEqualTo(200);
        assertThat(rss.header("Content-Type")).startsWith("application/rss+xml");
        assertThat(rss.header("Surrogate-Key")).contains("author-");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(rss.body()));
        assertThat(feed.getTitle()).contains("محمد علي");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("خبر ثان للكاتب", "خبر أول للكاتب");
        assertThat(rss.body()).contains("سارة أحمد ومحمد علي"); // the entry's author is the byline

        Api.Result atom = api.get("/feeds/authors/" + slug + "/atom.xml");
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.header("Content-Type")).startsWith("application/atom+xml");
        SyndFeed atomFeed = new SyndFeedInput().build(new StringReader(atom.body()));
        assertThat(atomFeed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atomFeed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("خبر ثان للكاتب", "خبر أول للكاتب");
    }

    @Test
    void formerSlugsOfRenamedAndMergedAuthorsAnswer301() {
        publishedSlug("خبر", List.of("محمد علي", "م. علي"));
        String ali = jdbc.queryForObject("SELECT id::text FROM authors WHERE name = 'محمد علي'", String.class);
        String short_ = jdbc.queryForObject("SELECT id::text FROM authors WHERE name = 'م. علي'", String.class);
        assertThat(editor.put("/api/admin/authors/" + ali, Map.of("name", "محمد علي", "slug", "mohamed-ali")).status()).isEqualTo(200);

        Api.Result renamed = api.get("/api/content/authors/" + SiteProperties.encode("محمد-علي") + "?x=1");
        assertThat(renamed.status()).isEqualTo(301);
        assertThat(renamed.header("Location")).isEqualTo("/api/content/authors/mohamed-ali?x=1");
        assertThat(api.get("/api/content/authors/mohamed-ali").status()).isEqualTo(200);
        // the old slug still filters lists
        assertThat(api.get("/api/content/articles?author=" + SiteProperties.encode("محمد-علي")).json().get("items")).hasSize(1);

        String shortSlug = editor.get("/api/admin/authors/" + short_).json().get("slug").asString();
        assertThat(editor.post("/api/admin/authors/" + short_ + "/merge", Map.of("intoId", ali)).status()).isEqualTo(200);
        Api.Result merged = api.get("/api/content/authors/" + SiteProperties.encode(shortSlug));
        assertThat(merged.status()).isEqualTo(301);
        assertThat(merged.header("Location")).isEqualTo("/api/content/authors/mohamed-ali");

        // a renamed author whose articles are all unpublished: its old slug sends readers nowhere
        String id = jdbc.queryForObject("SELECT id::text FROM articles", String.class);
        editor.post("/api/admin/articles/" + id + "/unpublish", null);
        assertThat(api.get("/api/content/authors/" + SiteProperties.encode("محمد-علي")).status()).isEqualTo(404);
        assertThat(api.get("/api/content/authors/mohamed-ali").status()).isEqualTo(404);
    }

    @Test
    void renamingAnAuthorRefreshesTheStoredPagesThatShowThem() {
        String slug = publishedSlug("خبر مخزن", List.of("محمد علي"));
        String path = Api.articlePath(slug);
        Api.Result before = api.get(path);
        api.get(path, "Accept", "application/ninjs+json");
        assertThat(api.get(path).body()).isEqualTo(before.body()); // served from its stored rendering
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_renderings", Long.class)).isEqualTo(1);

        String ali = jdbc.queryForObject("SELECT id::text FROM authors", String.class);
        assertThat(editor.put("/api/admin/authors/" + ali, Map.of("name", "محمد علي حسن")).status()).isEqualTo(200);

        Api.Result after = api.get(path);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.json().get("authors").get(0).get("name").asString()).isEqualTo("محمد علي حسن");
        assertThat(after.json().get("byline").asString()).isEqualTo("محمد علي حسن");
        assertThat(after.json().get("structuredData").get("author").get(0).get("name").asString()).isEqualTo("محمد علي حسن");
        assertThat(api.get(path, "Accept", "application/ninjs+json").json().get("people").get(0).get("name").asString()).isEqualTo("محمد علي حسن");
        assertThat(api.get(path, "If-None-Match", before.header("ETag")).status()).isEqualTo(200);
    }

    private String publishedSlug(String headline, List<Object> authors) {
        String id = publishedId(headline, authors);
        return editor.get("/api/admin/articles/" + id).json().get("slug").asString();
    }

    private String publishedId(String headline, List<Object> authors) {
        String id = draft(headline, authors);
        Api.Result published = editor.post("/api/admin/articles/" + id + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }

    private String draft(String headline, List<Object> authors) {
        Map<String, Object> body = AuthorsIT.article(headline);
        body.put("authors", authors);
        Api.Result created = editor.post("/api/admin/articles", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
