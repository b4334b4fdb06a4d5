package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Preview links: made, listed and revoked by editors; the article behind one as readers would see it, privately. */
class PreviewLinksIT extends IntegrationTest {

    private Api editor;
    private String draft;
    private String peer;
    private String readAlso;

    @BeforeEach
    void aDraftWithPublishedNeighbours() {
        editor = api.as(editorKey);
        String source = editor.post("/api/admin/sources", Map.of("name", "بوابة الوفد", "url", "https://www.alwafd.news")).json().get("id").asString();
        readAlso = ArticleFixtures.publishedId(editor, "مقال منشور للقراءة أيضا");
        String hiddenReadAlso = ArticleFixtures.createId(editor, "مسودة أخرى لا تظهر");
        peer = ArticleFixtures.publishedId(editor, "نظير منشور يشارك الوسم", "مكافحة الإرهاب");
        Map<String, Object> body = ArticleFixtures.article("خطة عمل مشتركة لم تنشر بعد", "مكافحة الإرهاب", "إيران");
        body.put("sourceId", source);
        body.put("excerpt", "اتفق البلدان على خطة عمل مشتركة");
        body.put("bodyHtml", "<p>نص المقال</p><blockquote>قال الوزير: سنعمل معاً</blockquote>");
        body.put("relatedIds", List.of(readAlso, hiddenReadAlso));
        draft = ArticleFixtures.create(editor, body).json().get("id").asString();
    }

    @Test
    void aLinkShowsTheDraftAsReadersWouldSeeItAndNothingElseShowsIt() {
        Api.Result created = editor.post("/api/admin/articles/" + draft + "/preview-links", Map.of("expiresIn", "PT2H"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).matches("pv_[A-Za-z0-9_-]{43}"); // 256 random bits
        assertThat(created.json().get("url").asString()).endsWith("/preview/" + token);
        assertThat(created.header("Location")).endsWith("/preview-links/" + created.json().get("id").asString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM preview_links WHERE token_hash = ?", Long.class, token)).as("stored hashed").isZero();

        Api.Result preview = api.get("/api/content/preview/" + token);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(preview.header("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(preview.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(preview.header("ETag")).isNull();
        JsonNode article = preview.json();
        assertThat(article.get("headline").asString()).isEqualTo("خطة عمل مشتركة لم تنشر بعد");
        assertThat(article.get("tags").findValuesAsString("name")).containsExactly("مكافحة الإرهاب", "إيران");
        assertThat(article.get("source").get("name").asString()).isEqualTo("بوابة الوفد");
        assertThat(article.get("related").findValuesAsString("id")).as("read-also: only what readers may see").containsExactly(readAlso);
        assertThat(article.get("similar").findValuesAsString("id")).contains(peer);
        assertThat(article.get("structuredData").get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(article.get("publishedAt").isNull()).as("as if published now").isFalse();
        assertThat(article.has("status")).isFalse();

        String peerSlug = editor.get("/api/admin/articles/" + peer).json().get("slug").asString();
        for (String uri : List.of("/api/content/articles?limit=100", "/api/content/search?q=" + Api.encode("خطة عمل مشتركة"),
                "/api/content/tags?limit=100", "/api/content/sources", "/feeds/rss.xml", "/feeds/atom.xml", "/sitemap.xml", "/sitemap-news.xml",
                Api.articlePath(peerSlug) + "/similar?limit=50")) {
            assertThat(api.get(uri).body()).as(uri).doesNotContain(draft, "خطة عمل مشتركة لم تنشر بعد");
        }
        assertThat(api.get("/api/content/tags/" + Api.encode("إيران")).status()).as("counts: the tag has no published article").isEqualTo(404);

        JsonNode links = editor.get("/api/admin/articles/" + draft + "/preview-links").json().get("items");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("active").asBoolean()).isTrue();
        assertThat(links.get(0).has("token")).isFalse();
    }

    @Test
    void theWebPageShowsTheArticleInItsLanguageAndDirection() {
        String token = editor.post("/api/admin/articles/" + draft + "/preview-links", null).json().get("token").asString();
        Api.Result page = api.get("/preview/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(page.header("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        Document html = Jsoup.parse(page.body());
        assertThat(html.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(html.selectFirst("h1").text()).isEqualTo("خطة عمل مشتركة لم تنشر بعد");
        assertThat(html.selectFirst(".source").text()).isEqualTo("المصدر: بوابة الوفد");
        assertThat(html.select(".tags .tag").eachText()).containsExactly("مكافحة الإرهاب", "إيران");
        assertThat(html.selectFirst(".body blockquote").text()).isEqualTo("قال الوزير: سنعمل معاً");
        assertThat(html.select(".read-also a").eachText()).containsExactly("مقال منشور للقراءة أيضا");
        assertThat(html.select(".similar a").eachText()).contains("نظير منشور يشارك الوسم");
        assertThat(html.selectFirst("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(html.selectFirst("script[type=application/ld+json]").data()).contains("\"NewsArticle\"");
    }

    @Test
    void expiredRevokedAndUnknownTokensAreAllTheSame404() {
        String revoked = link();
        String expired = link();
        String linkId = editor.get("/api/admin/articles/" + draft + "/preview-links").json().get("items").get(1).get("id").asString();
        assertThat(editor.delete("/api/admin/articles/" + draft + "/preview-links/" + linkId).status()).isEqualTo(204);
        assertThat(editor.delete("/api/admin/articles/" + draft + "/preview-links/" + linkId).status()).as("again").isEqualTo(204);
        jdbc.update("UPDATE preview_links SET expires_at = created_at + interval '1 millisecond' WHERE revoked_at IS NULL");
        Api.Result unknown = api.get("/api/content/preview/pv_" + "A".repeat(43));
        assertThat(unknown.status()).isEqualTo(404);
        for (String token : List.of(revoked, expired, "nonsense", "pv_" + "x".repeat(200))) {
            Api.Result json = api.get("/api/content/preview/" + token);
            assertThat(json.status()).as(token).isEqualTo(404);
            assertThat(json.body()).as("the same answer: nothing tells a revoked link from none").isEqualTo(unknown.body().replace("pv_" + "A".repeat(43), token));
            assertThat(api.get("/preview/" + token).status()).isEqualTo(404);
        }
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'preview-link' ORDER BY id", String.class))
                .containsExactly("article.preview-link-created", "article.preview-link-created", "article.preview-link-revoked");
        assertThat(editor.delete("/api/admin/articles/" + draft + "/preview-links/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void lifetimesAreBoundedAndRolesChecked() {
        for (Object bad : List.of("P31D", "PT0S", "-PT1H", "tomorrow", "P1Y")) {
            assertThat(editor.post("/api/admin/articles/" + draft + "/preview-links", Map.of("expiresIn", bad)).status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(editor.post("/api/admin/articles/" + draft + "/preview-links", Map.of("expiresIn", "P30D")).status()).isEqualTo(201);
        // a WRITER previews their own drafts; someone else's is not found to them (WriterIsolationIT)
        String writersDraft = ArticleFixtures.createId(api.as(writerKey), "مسودة الكاتب");
        assertThat(api.as(writerKey).post("/api/admin/articles/" + writersDraft + "/preview-links", null).status()).isEqualTo(201);
        assertThat(api.as(writerKey).post("/api/admin/articles/" + draft + "/preview-links", null).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/articles/" + draft + "/preview-links", null).status()).isEqualTo(401);
        assertThat(api.as(integrationKey).post("/api/admin/articles/" + draft + "/preview-links", null).status()).isEqualTo(403);
        assertThat(editor.post("/api/admin/articles/" + java.util.UUID.randomUUID() + "/preview-links", null).status()).isEqualTo(404);
    }

    @Test
    void theReferenceArticlePageServesPublishedArticlesOnly() {
        String slug = editor.get("/api/admin/articles/" + peer).json().get("slug").asString();
        Api.Result page = api.get("/articles/" + SiteProperties.encode(slug));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("public");
        assertThat(page.header("ETag")).isNotNull();
        assertThat(api.get("/articles/" + SiteProperties.encode(slug), "If-None-Match", page.header("ETag")).status()).isEqualTo(304);
        assertThat(Jsoup.parse(page.body()).selectFirst("link[rel=canonical]").attr("href")).endsWith(SiteProperties.encode(slug));
        String draftSlug = editor.get("/api/admin/articles/" + draft).json().get("slug").asString();
        Api.Result hidden = api.get("/articles/" + SiteProperties.encode(draftSlug));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).startsWith("text/html");
        assertThat(hidden.body()).doesNotContain("خطة عمل مشتركة لم تنشر بعد");
    }

    private String link() {
        return editor.post("/api/admin/articles/" + draft + "/preview-links", Map.of()).json().get("token").asString();
    }
}
