package io.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.FeedServer;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.NinjsFixtures;
import io.newsroom.support.Photos;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Articles showing library photos, everywhere readers meet them, and photos of other systems' stories kept in the library. */
class ArticlePhotosIT extends IntegrationTest {

    private Photos photos;
    private JsonNode photo;

    @BeforeEach
    void aLibraryPhoto() {
        photos = new Photos(port, json);
        Photos.Answer uploaded = photos.upload(writerKey, "photo.jpg", "image/jpeg", Photos.jpeg(1600, 1000), "caption",
                "ضابط شرطة يحرس بوابة الدخول الرئيسية", "credit", "وكالة الأنباء", "alt", "رجل أمن أمام بوابة");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        photo = uploaded.json();
    }

    private JsonNode publishedWith(Map<String, Object> image) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", "باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب");
        body.put("bodyHtml", "<p>نص الخبر</p>");
        body.put("image", image);
        Api.Result created = api.as(editorKey).post("/api/admin/articles", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.as(editorKey).post("/api/admin/articles/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        return created.json();
    }

    private String mediaId() {
        return photo.get("id").asString();
    }

    @Test
    void anArticleShowsALibraryPhotoWithItsSizeRenditionsAndSrcsetAndItsOwnCaption() {
        JsonNode article = publishedWith(Map.of("mediaId", mediaId(), "caption", "تعليق المقال"));
        assertThat(article.get("image").get("mediaId").asString()).isEqualTo(mediaId());
        assertThat(article.get("image").get("url").asString()).isEqualTo(photo.get("url").asString());

        JsonNode image = api.get(Api.articlePath(article.get("slug").asString())).json().get("image");
        assertThat(image.get("url").asString()).isEqualTo(photo.get("url").asString());
        assertThat(image.get("width").asInt()).isEqualTo(1600);
        assertThat(image.get("height").asInt()).isEqualTo(1000);
        assertThat(image.get("caption").asString()).isEqualTo("تعليق المقال");
        assertThat(image.get("credit").asString()).isEqualTo("وكالة الأنباء");
        assertThat(image.get("alt").asString()).isEqualTo("رجل أمن أمام بوابة");
        assertThat(image.get("focalPoint").get("x").asDouble()).isEqualTo(0.5);
        assertThat(image.get("renditions").size()).isEqualTo(photo.get("renditions").size());
        assertThat(image.get("srcset").asString()).contains(" 320w, ").endsWith(" 1280w").contains("/w640.jpg 640w");
        assertThat(image.has("mediaId")).isFalse();
    }

    @Test
    void aPhotosNewCaptionShowsInTheArticlesThatUseIt() {
        JsonNode article = publishedWith(Map.of("mediaId", mediaId()));
        String path = Api.articlePath(article.get("slug").asString());
        assertThat(api.get(path).json().get("image").get("caption").asString()).isEqualTo("ضابط شرطة يحرس بوابة الدخول الرئيسية");
        api.as(writerKey).patch("/api/admin/media/" + mediaId(), Map.of("caption", "تعليق جديد", "focalPoint", Map.of("x", 0.2, "y", 0.4)));
        JsonNode image = api.get(path).json().get("image");
        assertThat(image.get("caption").asString()).isEqualTo("تعليق جديد");
        assertThat(image.get("focalPoint").get("x").asDouble()).isEqualTo(0.2);
    }

    @Test
    void aPhotoInUseIsNotDeletedAndTheArticlesAreNamed() {
        JsonNode article = publishedWith(Map.of("mediaId", mediaId()));
        Api.Result refused = api.as(editorKey).delete("/api/admin/media/" + mediaId());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("articles").get(0).get("id").asString()).isEqualTo(article.get("id").asString());
        assertThat(refused.json().get("articles").get(0).get("headline").asString()).startsWith("باكستان وإيران");
        assertThat(api.as(editorKey).get("/api/admin/media/" + mediaId()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownPhotoIsA400AndAnOutsideUrlStillWorks() {
        Api.Result unknown = api.as(editorKey).post("/api/admin/articles",
                Map.of("headline", "خبر", "image", Map.of("mediaId", "00000000-0000-0000-0000-000000000001")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("image.mediaId");
        assertThat(api.as(editorKey).post("/api/admin/articles", Map.of("headline", "خبر", "image", Map.of("caption", "بلا صورة")))
                .status()).isEqualTo(400);
        JsonNode outside = publishedWith(Map.of("url", "https://images.example.com/a.jpg", "caption", "تعليق"));
        JsonNode image = api.get(Api.articlePath(outside.get("slug").asString())).json().get("image");
        assertThat(image.get("url").asString()).isEqualTo("https://images.example.com/a.jpg");
        assertThat(image.get("caption").asString()).isEqualTo("تعليق");
        assertThat(image.get("renditions")).isEmpty();
    }

    @Test
    void thePagesFeedsSitemapsNinjsAndJsonLdShowThePhoto() {
        JsonNode article = publishedWith(Map.of("mediaId", mediaId()));
        String slug = article.get("slug").asString();
        String page = api.get("/articles/" + Api.encode(slug).replace("+", "%20")).body();
        if (!page.contains("<picture")) {
            page = api.get(Api.articlePath(slug), "Accept", "text/html").body();
        }
        assertThat(page).contains("<picture>", "type=\"image/webp\"", "srcset=\"", "width=\"1600\"", "height=\"1000\"",
                "alt=\"رجل أمن أمام بوابة\"", "\"@type\":\"ImageObject\"", "\"width\":1280");

        String rss = api.get("/feeds/rss.xml").body();
        assertThat(rss).contains("xmlns:media=\"http://search.yahoo.com/mrss/\"", "<media:content", "medium=\"image\"",
                "width=\"1280\"", "<media:credit>وكالة الأنباء</media:credit>", "<enclosure");
        assertThat(api.get("/feeds/atom.xml").body()).contains("rel=\"enclosure\"");

        String sitemap = api.get("/sitemaps/articles-1.xml").body();
        if (!sitemap.contains("image:loc")) {
            sitemap = api.get("/sitemap.xml").body();
        }
        assertThat(sitemap).contains("xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\"",
                "<image:loc>" + photo.get("url").asString() + "</image:loc>");
        assertThat(api.get("/sitemap-news.xml").body()).contains("<image:loc>");

        JsonNode ninjs = api.get(Api.articlePath(slug), "Accept", "application/ninjs+json").json();
        JsonNode picture = ninjs.get("associations").get(0);
        assertThat(picture.get("type").asString()).isEqualTo("picture");
        assertThat(picture.get("renditions").size()).isEqualTo(photo.get("renditions").size());
        assertThat(picture.get("renditions").get(0).get("width").asInt()).isEqualTo(320);
        assertThat(picture.get("renditions").get(0).get("contenttype").asString()).isIn("image/webp", "image/jpeg");
    }

    @Test
    void aNinjsStorysPhotoIsKeptInTheLibraryAndOneThatCannotBeFetchedIsAWarning() throws Exception {
        try (FeedServer server = new FeedServer()) {
            byte[] jpeg = Photos.jpeg(800, 600);
            server.serve("/wire/photo.jpg", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, jpeg.length);
                exchange.getResponseBody().write(jpeg);
                exchange.close();
            });
            server.serve("/wire/gone.jpg", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            Map<String, Object> story = NinjsFixtures.story("urn:wire:photo:1", "صورة من الوكالة");
            story.put("associations", List.of(Map.of("name", "image", "type", "picture", "uri", server.url("/wire/photo.jpg"),
                    "renditions", List.of(Map.of("name", "web", "href", server.url("/wire/photo.jpg"))),
                    "descriptions", List.of(Map.of("role", "caption", "value", "تعليق الوكالة")), "by", "مصور الوكالة")));
            Api.Result ingested = api.as(integrationKey).post("/api/admin/ingest/ninjs", story);
            assertThat(ingested.status()).as(ingested.toString()).isEqualTo(201);
            JsonNode article = api.as(editorKey).get("/api/admin/articles/" + ingested.json().get("articleId").asString()).json();
            String kept = article.get("image").get("mediaId").asString();
            JsonNode libraryPhoto = api.as(editorKey).get("/api/admin/media/" + kept).json();
            assertThat(libraryPhoto.get("sourceUrl").asString()).isEqualTo(server.url("/wire/photo.jpg"));
            assertThat(article.get("image").get("caption").asString()).isEqualTo("تعليق الوكالة");

            Map<String, Object> again = NinjsFixtures.story("urn:wire:photo:2", "الصورة نفسها");
            again.put("associations", story.get("associations"));
            Api.Result second = api.as(integrationKey).post("/api/admin/ingest/ninjs", again);
            JsonNode secondArticle = api.as(editorKey).get("/api/admin/articles/" + second.json().get("articleId").asString()).json();
            assertThat(secondArticle.get("image").get("mediaId").asString()).as("the same file is one photo").isEqualTo(kept);

            Map<String, Object> broken = NinjsFixtures.story("urn:wire:photo:3", "صورة لا تصل");
            broken.put("associations", List.of(Map.of("name", "image", "type", "picture", "uri", server.url("/wire/gone.jpg"))));
            Api.Result warned = api.as(integrationKey).post("/api/admin/ingest/ninjs", broken);
            assertThat(warned.status()).isEqualTo(201);
            assertThat(warned.json().get("warnings").get(0).asString()).contains("not kept").contains("404");
            JsonNode brokenArticle = api.as(editorKey).get("/api/admin/articles/" + warned.json().get("articleId").asString()).json();
            assertThat(brokenArticle.get("image").get("url").asString()).isEqualTo(server.url("/wire/gone.jpg"));
            assertThat(brokenArticle.get("image").get("mediaId").isNull()).isTrue();
        }
    }

    @Test
    void aFeedItemsPhotoIsKeptInTheLibraryAndAnUnreachableOneIsAWarningInThePollReport() throws Exception {
        try (FeedServer server = new FeedServer()) {
            byte[] jpeg = Photos.jpeg(900, 600);
            server.serve("/img/wheat.jpg", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, jpeg.length);
                exchange.getResponseBody().write(jpeg);
                exchange.close();
            });
            String rss = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>الوفد</title><link>https://alwafd.example/</link><description>أخبار</description>
                    <item><title>أسعار القمح ترتفع في الأسواق العالمية</title><link>https://alwafd.example/news/1</link><guid>wheat-1</guid>
                    <pubDate>Mon, 07 Dec 2026 08:00:00 GMT</pubDate><description>ارتفعت أسعار القمح</description>
                    <enclosure url="%s" type="image/jpeg" length="%d"/></item>
                    <item><title>وزير الزراعة يتفقد الحقول في الصعيد</title><link>https://alwafd.example/news/2</link><guid>fields-2</guid>
                    <pubDate>Mon, 07 Dec 2026 07:00:00 GMT</pubDate><description>جولة ميدانية</description>
                    <enclosure url="%s" type="image/jpeg" length="10"/></item>
                    </channel></rss>
                    """.formatted(server.url("/img/wheat.jpg"), jpeg.length, server.url("/img/missing.jpg"));
            server.serve("/rss.xml", FeedServer.bytes("application/rss+xml; charset=utf-8", rss.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            String sourceId = api.as(adminKey).post("/api/admin/sources", Map.of("name", "الوفد", "url", "https://alwafd.example/"))
                    .json().get("id").asString();
            String feedId = api.as(editorKey).post("/api/admin/sources/" + sourceId + "/feeds",
                    Map.of("url", server.url("/rss.xml"), "enabled", false)).json().get("id").asString();
            Api.Result polled = api.as(editorKey).post("/api/admin/sources/" + sourceId + "/feeds/" + feedId + "/poll", null);
            assertThat(polled.status()).as(polled.toString()).isEqualTo(200);
            assertThat(polled.json().get("created").asInt()).isEqualTo(2);
            assertThat(polled.json().get("warnings").toString()).contains("fields-2").contains("missing.jpg").contains("not kept");

            List<String> mediaIds = jdbc.queryForList("SELECT image_media_id::text FROM articles WHERE image_media_id IS NOT NULL", String.class);
            assertThat(mediaIds).hasSize(1);
            JsonNode kept = api.as(editorKey).get("/api/admin/media/" + mediaIds.get(0)).json();
            assertThat(kept.get("sourceUrl").asString()).isEqualTo(server.url("/img/wheat.jpg"));
            assertThat(kept.get("width").asInt()).isEqualTo(900);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM articles WHERE image_url = ?", Integer.class, server.url("/img/missing.jpg")))
                    .as("the unreachable photo stays a URL").isEqualTo(1);
        }
    }
}
