package io.newsroom.admin;

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

/** GET .../revisions/{from}/diff/{to}: field by field, headline and body word by word, as JSON and as HTML. */
class RevisionDiffIT extends IntegrationTest {

    private Api editor;
    private String id;
    private String relatedA;
    private String relatedB;

    @BeforeEach
    void anArticleEditedThreeTimes() {
        editor = api.as(editorKey);
        String wafd = editor.post("/api/admin/sources", Map.of("name", "بوابة الوفد")).json().get("id").asString();
        String novosti = editor.post("/api/admin/sources", Map.of("name", "نوفوستي")).json().get("id").asString();
        relatedA = ArticleFixtures.createId(editor, "اقرأ أيضا الأول");
        relatedB = ArticleFixtures.createId(editor, "اقرأ أيضا الثاني");

        Map<String, Object> first = ArticleFixtures.article("وزير الخارجية يلتقي نظيره في القاهرة", "مصر", "دبلوماسية");
        first.put("bodyHtml", "<p>قال الوزير إن <b>المحادثات</b> مستمرة.</p><p>وأضاف أن الاتفاق قريب.</p>");
        first.put("byline", "القاهرة - خاص");
        first.put("sourceId", wafd);
        first.put("relatedIds", List.of(relatedA));
        id = ArticleFixtures.create(editor, first).json().get("id").asString();          // revision 1

        Map<String, Object> markupOnly = new java.util.LinkedHashMap<>(first);
        markupOnly.put("bodyHtml", "<p>قال الوزير إن المحادثات <a href=\"https://example.org\">مستمرة</a>.</p>\n<p>وأضاف   أن الاتفاق قريب.</p>");
        put(markupOnly);                                                                  // revision 2

        Map<String, Object> reworded = new java.util.LinkedHashMap<>(markupOnly);
        reworded.put("headline", "وزير الخارجية يلتقي نظيرَه في الرياض");
        reworded.put("bodyHtml", "<p>قال الوزير إن المحادثات انتهت.</p><p>وأضاف أن الاتفاق قريب.</p>");
        reworded.put("tags", List.of("مصر", "السعودية"));
        reworded.put("sourceId", novosti);
        reworded.put("image", Map.of("url", "https://example.org/riyadh.jpg", "caption", "الوزيران في الرياض"));
        put(reworded);                                                                    // revision 3
        assertThat(editor.put("/api/admin/articles/" + id + "/related", Map.of("ids", List.of(relatedB))).status()).isEqualTo(200); // 4
    }

    @Test
    void aMarkupOnlyChangeOfTheBodyIsNoTextChange() {
        JsonNode diff = editor.get("/api/admin/articles/" + id + "/revisions/1/diff/2").json();
        assertThat(diff.get("changed").valueStream().map(JsonNode::asString).toList()).isEmpty();
        assertThat(diff.get("body").get("changed").asBoolean()).isFalse();
        assertThat(diff.get("body").get("markupChanged").asBoolean()).isTrue();
    }

    @Test
    void fieldByFieldAndWordByWordUpToTheCurrentState() {
        Api.Result result = editor.get("/api/admin/articles/" + id + "/revisions/2/diff/current");
        assertThat(result.status()).isEqualTo(200);
        JsonNode diff = result.json();
        assertThat(diff.get("from").get("revision").asInt()).isEqualTo(2);
        assertThat(diff.get("to").get("current").asBoolean()).isTrue();
        assertThat(diff.get("changed").valueStream().map(JsonNode::asString).toList())
                .containsExactly("headline", "source", "image", "body", "tags", "readAlso");
        assertThat(diff.get("headline").get("html").asString())
                .isEqualTo("وزير الخارجية يلتقي <del>نظيره</del><ins>نظيرَه</ins> في <del>القاهرة</del><ins>الرياض</ins>");
        assertThat(diff.get("body").get("html").asString()).contains("<del>مستمرة</del><ins>انتهت</ins>");
        assertThat(diff.get("source").get("from").get("name").asString()).isEqualTo("بوابة الوفد");
        assertThat(diff.get("source").get("to").get("name").asString()).isEqualTo("نوفوستي");
        assertThat(diff.get("image").get("from").isNull()).isTrue();
        assertThat(diff.get("image").get("to").get("caption").asString()).isEqualTo("الوزيران في الرياض");
        assertThat(diff.get("tags").get("added").valueStream().map(JsonNode::asString).toList()).containsExactly("السعودية");
        assertThat(diff.get("tags").get("removed").valueStream().map(JsonNode::asString).toList()).containsExactly("دبلوماسية");
        assertThat(diff.get("readAlso").get("added").get(0).get("id").asString()).isEqualTo(relatedB);
        assertThat(diff.get("readAlso").get("removed").get(0).get("headline").asString()).isEqualTo("اقرأ أيضا الأول");
        assertThat(diff.get("byline").get("changed").asBoolean()).isFalse();
        assertThat(diff.get("direction").asString()).isEqualTo("rtl");
    }

    @Test
    void asAnHtmlPageWithInsAndDel() {
        Api.Result result = editor.get("/api/admin/articles/" + id + "/revisions/1/diff/3", "Accept", "text/html");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Content-Type")).startsWith("text/html");
        Document page = Jsoup.parse(result.body());
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(page.select(".headline del").eachText()).containsExactly("نظيره", "القاهرة");
        assertThat(page.select(".headline ins").eachText()).containsExactly("نظيرَه", "الرياض");
        assertThat(page.select(".body ins").eachText()).containsExactly("انتهت");
        assertThat(page.text()).contains("نوفوستي", "السعودية");
        assertThat(editor.get("/api/admin/articles/" + id + "/revisions/1/diff/3?format=html").body()).isEqualTo(result.body());
    }

    @Test
    void unknownRevisionsAndNonsenseAreProblems() {
        assertThat(editor.get("/api/admin/articles/" + id + "/revisions/1/diff/99").status()).isEqualTo(404);
        assertThat(editor.get("/api/admin/articles/" + id + "/revisions/1/diff/latest").status()).isEqualTo(400);
        assertThat(editor.get("/api/admin/articles/" + java.util.UUID.randomUUID() + "/revisions/1/diff/2").status()).isEqualTo(404);
        assertThat(api.get("/api/admin/articles/" + id + "/revisions/1/diff/2").status()).isEqualTo(401);
    }

    private void put(Map<String, Object> body) {
        String etag = editor.get("/api/admin/articles/" + id).header("ETag");
        Api.Result result = editor.put("/api/admin/articles/" + id, body, "If-Match", etag);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
    }
}
