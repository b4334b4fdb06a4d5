package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.demo.DemoContent;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Published articles through the content API, from the database. Where variant and unknown slugs send
 * readers (the redirect's Location, the 404 problem): content/web/ContentArticleHeadersTest; a variant
 * spelling redirecting end to end: StoredRenderingsIT; unpublished slugs answering 404: NeverLeaksIT.
 */
class ContentArticlesIT extends IntegrationTest {

    static final String MAIN_SLUG = "باكستان-وإيران-تبرمان-خطة-عمل-مشتركة-لمكافحة-الإرهاب";

    @Autowired
    DemoContent demo;

    @BeforeEach
    void seed() {
        demo.load();
    }

    static String path(String slug) {
        return Api.articlePath(slug);
    }

    @Test
    void articleBySlugShowsTheSeedPagesStructure() {
        Api.Result result = api.get(path(MAIN_SLUG));
        assertThat(result.status()).isEqualTo(200);
        JsonNode a = result.json();
        assertThat(a.get("slug").asString()).isEqualTo(MAIN_SLUG);
        assertThat(a.get("language").asString()).isEqualTo("ar");
        assertThat(a.get("direction").asString()).isEqualTo("rtl");
        assertThat(a.get("source").get("name").asString()).isEqualTo("بوابة الوفد");
        assertThat(a.get("tags").findValuesAsString("name")).containsExactly("مكافحة الإرهاب", "إيران", "باكستان", "خطة عمل مشتركة");
        assertThat(a.get("image").get("caption").asString()).startsWith("ضابط شرطة يحرس");
        assertThat(a.get("related")).hasSize(1);
        assertThat(a.get("related").get(0).get("headline").asString()).startsWith("الخارجية الروسية");
        assertThat(a.get("bodyHtml").asString()).contains("<h2>خطة عمل مشتركة للتعامل مع خطر الإرهاب</h2>", "<blockquote>", "<figcaption>");
        assertThat(a.has("status")).isFalse();
        assertThat(a.has("version")).isFalse();
        assertThat(a.has("scheduledAt")).isFalse();
        JsonNode ld = a.get("structuredData");
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo(a.get("headline").asString());
        assertThat(ld.get("inLanguage").asString()).isEqualTo("ar");
        assertThat(ld.get("keywords").toString()).contains("خطة عمل مشتركة");
    }

    @Test
    void formerSlugRedirectsWith301() {
        Api editor = api.as(editorKey);
        String id = jdbc.queryForObject("SELECT id::text FROM articles WHERE slug = ?", String.class, MAIN_SLUG);
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        Map<String, Object> renamed = ArticleFixtures.article("باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب");
        renamed.put("slug", "pakistan-iran-plan");
        assertThat(editor.put("/api/admin/articles/" + id, renamed, "If-Match", etag).status()).isEqualTo(200);

        Api.Result old = api.get(path(MAIN_SLUG));
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).isEqualTo("/api/content/articles/pakistan-iran-plan");
        assertThat(api.get("/api/content/articles/pakistan-iran-plan").status()).isEqualTo(200);
    }

    @Test
    void listIsNewestFirstAndFiltersByTagSourceLanguageAndTime() {
        List<JsonNode> items = items(api.get("/api/content/articles?limit=100").json());
        assertThat(items).hasSize(13);
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i - 1).get("publishedAt").asString().compareTo(items.get(i).get("publishedAt").asString())).isGreaterThanOrEqualTo(0);
        }
        assertThat(items.get(0).get("tags")).isNotEmpty();
        assertThat(items.get(0).get("bodyHtml").asString()).isNotBlank();

        assertThat(items(api.get("/api/content/articles?tag=" + enc("ايران")).json())).hasSize(3);
        assertThat(items(api.get("/api/content/articles?tag=" + enc("مكافحة-الإرهاب")).json())).hasSize(5);
        assertThat(items(api.get("/api/content/articles?source=" + enc("نوفوستي")).json())).hasSize(2);
        assertThat(items(api.get("/api/content/articles?language=ar").json())).hasSize(13);
        assertThat(items(api.get("/api/content/articles?language=en").json())).isEmpty();
        String newest = items.get(0).get("publishedAt").asString();
        assertThat(items(api.get("/api/content/articles?since=" + newest).json())).hasSize(1);
        assertThat(items(api.get("/api/content/articles?until=" + newest).json())).hasSize(12);
        assertThat(items(api.get("/api/content/articles?tag=nothing-here").json())).isEmpty();
    }

    @Test
    void cursorWalkIsStableWhileOthersPublish() {
        List<String> seen = new ArrayList<>();
        JsonNode page = api.get("/api/content/articles?limit=5").json();
        items(page).forEach(i -> seen.add(i.get("id").asString()));
        // a story published between two page requests must neither shift nor repeat items
        ArticleFixtures.publishedId(api.as(editorKey), "خبر عاجل ينشر أثناء التصفح");
        String cursor = page.get("next").asString();
        while (cursor != null) {
            page = api.get("/api/content/articles?limit=5&cursor=" + cursor).json();
            items(page).forEach(i -> seen.add(i.get("id").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        }
        assertThat(seen).hasSize(13).doesNotHaveDuplicates();
    }

    @Test
    void readAlsoShowsOnlyPublishedArticles() {
        String related = jdbc.queryForObject("SELECT related_article_id::text FROM related_articles", String.class);
        assertThat(api.as(editorKey).post("/api/admin/articles/" + related + "/unpublish", null).status()).isEqualTo(200);
        assertThat(api.get(path(MAIN_SLUG)).json().get("related")).isEmpty();
    }

    @Test
    void badParametersAre400Problems() {
        assertThat(api.get("/api/content/articles?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/content/articles?since=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/api/content/articles?cursor=garbage!").status()).isEqualTo(400);
        assertThat(api.get("/api/content/articles?language=not%20a%20tag").status()).isEqualTo(400);
    }

    static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    static String enc(String text) {
        return Api.encode(text);
    }
}
