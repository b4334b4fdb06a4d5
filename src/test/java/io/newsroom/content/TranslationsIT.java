package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Translation groups: linked in the admin API, shown to readers (published members only), in sitemaps and JSON-LD. */
class TranslationsIT extends IntegrationTest {

    private Api editor;
    private String arabic;
    private String english;
    private String french;

    @BeforeEach
    void articles() {
        editor = api.as(editorKey);
        arabic = ArticleFixtures.publishedId(editor, "القمة العربية تبدأ أعمالها في الرياض");
        english = published("Arab summit opens in Riyadh", "en");
        Map<String, Object> fr = ArticleFixtures.article("Le sommet arabe s'ouvre à Riyad");
        fr.put("language", "fr");
        french = ArticleFixtures.create(editor, fr).json().get("id").asString(); // a draft
    }

    @Test
    void linkedTranslationsShowForReadersPublishedOnly() {
        Api.Result linked = editor.put("/api/admin/articles/" + english + "/translation-of", Map.of("id", arabic));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.json().get("translationGroup").asString()).isEqualTo(arabic);
        assertThat(editor.put("/api/admin/articles/" + french + "/translation-of", Map.of("id", english)).status()).isEqualTo(200);

        JsonNode group = editor.get("/api/admin/articles/" + english + "/translations").json().get("items");
        assertThat(group.findValuesAsString("language")).containsExactly("ar", "en", "fr");
        assertThat(group.get(0).get("original").asBoolean()).isTrue();

        JsonNode ar = api.get(Api.articlePath(slug(arabic))).json();
        assertThat(ar.get("translations").findValuesAsString("language")).as("the French draft is not shown").containsExactly("en");
        assertThat(ar.get("translations").get(0).get("url").asString()).endsWith(Api.encode(slug(english)).replace("+", "%20"));
        assertThat(ar.get("structuredData").get("inLanguage").asString()).isEqualTo("ar");
        assertThat(ar.get("structuredData").get("workTranslation").get(0).get("inLanguage").asString()).isEqualTo("en");
        JsonNode en = api.get(Api.articlePath(slug(english))).json();
        assertThat(en.get("translations").findValuesAsString("language")).containsExactly("ar");
        assertThat(en.get("structuredData").get("translationOfWork").get("headline").asString()).isEqualTo("القمة العربية تبدأ أعمالها في الرياض");
        assertThat(en.get("structuredData").has("workTranslation")).isFalse();

        Document sitemap = Jsoup.parse(api.get("/sitemap.xml").body(), "", Parser.xmlParser());
        Element arabicUrl = sitemap.select("url").stream().filter(u -> u.selectFirst("loc").text().contains(Api.encode(slug(arabic)).replace("+", "%20")))
                .findFirst().orElseThrow();
        assertThat(arabicUrl.select("xhtml|link").eachAttr("hreflang")).containsExactly("ar", "en");
        assertThat(arabicUrl.select("xhtml|link").eachAttr("rel")).containsOnly("alternate");
        assertThat(api.get("/sitemap.xml").body()).doesNotContain(Api.encode(slug(french)));

        assertThat(api.get("/api/content/articles?language=en").body()).contains(english).doesNotContain(arabic);

        // French published: it appears on both
        assertThat(editor.post("/api/admin/articles/" + french + "/publish", null).status()).isEqualTo(200);
        assertThat(api.get(Api.articlePath(slug(arabic))).json().get("translations").findValuesAsString("language")).containsExactly("en", "fr");
    }

    @Test
    void oneArticlePerLanguageAndTheOriginalCanLeave() {
        assertThat(editor.put("/api/admin/articles/" + english + "/translation-of", Map.of("id", arabic)).status()).isEqualTo(200);
        String secondArabic = ArticleFixtures.createId(editor, "القمة العربية: الجلسة الافتتاحية");
        Api.Result clash = editor.put("/api/admin/articles/" + secondArabic + "/translation-of", Map.of("id", english));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("conflictingArticleId").asString()).isEqualTo(arabic);
        assertThat(editor.put("/api/admin/articles/" + french + "/translation-of", Map.of("id", arabic)).status()).isEqualTo(200);
        assertThat(editor.put("/api/admin/articles/" + french + "/translation-of", Map.of("id", arabic)).status()).as("again: no change").isEqualTo(200);

        // The original leaves: the others stay a group, named after the oldest of them.
        Api.Result left = editor.delete("/api/admin/articles/" + arabic + "/translation-of");
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("translationGroup").isNull()).isTrue();
        JsonNode group = editor.get("/api/admin/articles/" + french + "/translations").json().get("items");
        assertThat(group.findValuesAsString("id")).containsExactly(english, french);
        assertThat(group.get(0).get("original").asBoolean()).isTrue();
        assertThat(api.get(Api.articlePath(slug(arabic))).json().get("translations")).isEmpty();

        // A group left with one article is no group.
        assertThat(editor.delete("/api/admin/articles/" + french + "/translation-of").status()).isEqualTo(200);
        assertThat(editor.get("/api/admin/articles/" + english).json().get("translationGroup").isNull()).isTrue();
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE action LIKE 'article.translation-%' ORDER BY id", String.class))
                .containsExactly("article.translation-linked", "article.translation-linked", "article.translation-unlinked",
                        "article.translation-unlinked");
    }

    @Test
    void nonsenseIsRefusedWithoutAWrite() {
        assertThat(editor.put("/api/admin/articles/" + english + "/translation-of", Map.of("id", english)).status()).isEqualTo(400);
        assertThat(editor.put("/api/admin/articles/" + english + "/translation-of", Map.of("id", java.util.UUID.randomUUID().toString())).status())
                .isEqualTo(400);
        assertThat(editor.put("/api/admin/articles/" + english + "/translation-of", Map.of()).status()).isEqualTo(400);
        assertThat(api.as(writerKey).put("/api/admin/articles/" + english + "/translation-of", Map.of("id", arabic)).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles WHERE translation_group IS NOT NULL", Long.class)).isZero();
    }

    private String published(String headline, String language) {
        Map<String, Object> body = ArticleFixtures.article(headline);
        body.put("language", language);
        String id = ArticleFixtures.create(editor, body).json().get("id").asString();
        assertThat(editor.post("/api/admin/articles/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    private String slug(String id) {
        return editor.get("/api/admin/articles/" + id).json().get("slug").asString();
    }
}
