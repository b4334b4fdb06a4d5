package io.newsroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests that many admin tests make: a valid article body, creation, publication. */
public final class ArticleFixtures {

    /** The seed page's story body: an Arabic paragraph, a figure with its caption, a heading, a quote, a list and a link. */
    public static final String ARABIC_FIGURE = "<p dir=\"rtl\">أبرمت باكستان وإيران اتفاقية جديدة وهى خطة عمل مشتركة لمكافحة الإرهاب.</p>"
            + "<figure><img src=\"https://media.example.org/gate.jpg\" alt=\"بوابة الوزارة\">"
            + "<figcaption>ضابط شرطة يحرس بوابة الدخول الرئيسية لوزارة الخارجية الباكستانية، في إسلام أباد</figcaption></figure>"
            + "<h2>خطة عمل مشتركة للتعامل مع خطر الإرهاب</h2>"
            + "<blockquote><p>\"التهريب كان سبباً لخسارة اقتصادية لكلا البلدين\".</p></blockquote>"
            + "<ul><li>أولاً</li><li>ثانياً</li></ul><p><a href=\"https://www.alwafd.news/story\">المصدر</a></p>";

    private ArticleFixtures() {
    }

    public static Map<String, Object> article(String headline, String... tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("headline", headline);
        body.put("bodyHtml", "<p>" + headline + "</p>");
        body.put("tags", List.of(tags));
        return body;
    }

    public static Api.Result create(Api api, Map<String, Object> body) {
        Api.Result created = api.post("/api/admin/articles", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    public static String createId(Api api, String headline, String... tags) {
        return create(api, article(headline, tags)).json().get("id").asString();
    }

    /** Replaces an article's headline, body and tags as an editor does: read its ETag, then PUT with If-Match. */
    public static void rewrite(Api api, String id, String headline, String... tags) {
        String etag = api.get("/api/admin/articles/" + id).header("ETag");
        Api.Result edited = api.put("/api/admin/articles/" + id, article(headline, tags), "If-Match", etag);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    }

    public static String publishedId(Api api, String headline, String... tags) {
        String id = createId(api, headline, tags);
        Api.Result published = api.post("/api/admin/articles/" + id + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }
}
