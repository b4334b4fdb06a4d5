package io.newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.TestIssuer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A WRITER sees and edits only their own articles, as Ghost's contributors do: everyone else's are
 * not found (404) in the admin API, in every list and with every filter. EDITOR and ADMIN see all.
 */
class WriterIsolationIT extends IntegrationTest {

    private static final String TAG = "انتخابات";

    private final TestIssuer issuer = TestIssuer.get();
    private Api layla;
    private Api omar;
    private Api editor;
    private String source;
    private String laylas;
    private String omars;
    private String editors;

    @BeforeEach
    void twoWritersAndAnEditorWriteOnTheSameSubject() {
        layla = api.as(issuer.token().subject("kc-layla").name("ليلى").roles(List.of("WRITER")).sign());
        omar = api.as(issuer.token().subject("kc-omar").name("عمر").roles(List.of("WRITER")).sign());
        editor = api.as(editorKey);
        source = editor.post("/api/admin/sources", Map.of("name", "وكالة الأنباء", "slug", "wire")).json().get("id").asString();
        laylas = create(layla, "ليلى تكتب عن الانتخابات");
        omars = create(omar, "عمر يكتب عن الانتخابات");
        editors = create(editor, "المحرر يكتب عن الانتخابات");
    }

    private String create(Api writer, String headline) {
        Map<String, Object> body = ArticleFixtures.article(headline, TAG);
        body.put("sourceId", source);
        return ArticleFixtures.create(writer, body).json().get("id").asString();
    }

    @Test
    void everyListAndFilterHoldsOnlyTheWritersOwnArticles() {
        for (String query : List.of("", "?status=DRAFT", "?tag=" + Api.encode(TAG), "?source=wire", "?source=" + source,
                "?q=" + Api.encode("الانتخابات"), "?status=DRAFT&tag=" + Api.encode(TAG) + "&source=wire&q=" + Api.encode("الانتخابات"),
                "?limit=1")) {
            assertThat(ids(layla.get("/api/admin/articles" + query))).as(query).containsExactly(laylas);
            assertThat(ids(omar.get("/api/admin/articles" + query))).as(query).containsExactly(omars);
        }
        assertThat(ids(editor.get("/api/admin/articles"))).containsExactlyInAnyOrder(laylas, omars, editors);
    }

    /** A person who writes is an author: their first article credits the author linked to them. */
    @Test
    void aWritersArticleCreditsTheAuthorLinkedToThem() {
        JsonNode article = layla.get("/api/admin/articles/" + laylas).json();
        assertThat(article.get("authors")).hasSize(1);
        String author = article.get("authors").get(0).get("id").asString();
        assertThat(article.get("byline").asString()).isEqualTo("ليلى");
        assertThat(editor.get("/api/admin/authors/" + author).json().get("personId").asString())
                .isEqualTo(layla.get("/api/admin/me").json().get("id").asString());
        String second = create(layla, "ليلى تكتب مرة أخرى");
        assertThat(layla.get("/api/admin/articles/" + second).json().get("authors").get(0).get("id").asString())
                .as("one author for one person").isEqualTo(author);
    }

    /** An editor's article that credits a writer's author is the writer's to see and edit. */
    @Test
    void anArticleCreditingTheWritersAuthorIsTheirs() {
        String author = layla.get("/api/admin/articles/" + laylas).json().get("authors").get(0).get("id").asString();
        Map<String, Object> assigned = ArticleFixtures.article("قصة كلف بها المحرر ليلى", TAG);
        assigned.put("authors", List.of(Map.of("id", author)));
        String id = ArticleFixtures.create(editor, assigned).json().get("id").asString();

        assertThat(ids(layla.get("/api/admin/articles"))).containsExactlyInAnyOrder(laylas, id);
        assertThat(layla.get("/api/admin/articles/" + id).status()).isEqualTo(200);
        assertThat(omar.get("/api/admin/articles/" + id).status()).isEqualTo(404);
    }

    @Test
    void theTrashShowsAWriterOnlyTheirOwnDeletedArticles() {
        assertThat(editor.delete("/api/admin/articles/" + laylas).status()).isEqualTo(204);
        assertThat(editor.delete("/api/admin/articles/" + omars).status()).isEqualTo(204);
        assertThat(ids(layla.get("/api/admin/articles?deleted=true"))).containsExactly(laylas);
        assertThat(ids(layla.get("/api/admin/articles"))).isEmpty();
    }

    @Test
    void anotherWritersArticleIsNotFoundWhateverIsAsked() {
        String others = "/api/admin/articles/" + omars;
        String etag = omar.get(others).header("ETag");
        assertThat(layla.get(others).status()).isEqualTo(404);
        assertThat(layla.put(others, ArticleFixtures.article("استيلاء"), "If-Match", etag).status()).isEqualTo(404);
        assertThat(layla.patch(others, Map.of("headline", "استيلاء"), "If-Match", etag).status()).isEqualTo(404);
        assertThat(layla.post(others + "/submit", null).status()).isEqualTo(404);
        assertThat(layla.get(others + "/revisions").status()).isEqualTo(404);
        assertThat(layla.get(others + "/revisions/1").status()).isEqualTo(404);
        assertThat(layla.post(others + "/revisions/1/restore", null).status()).isEqualTo(404);
        assertThat(layla.get(others + "/revisions/1/diff/current").status()).isEqualTo(404);
        assertThat(layla.get(others + "/related").status()).isEqualTo(404);
        assertThat(layla.put(others + "/related", Map.of("ids", List.of())).status()).isEqualTo(404);
        assertThat(layla.get(others + "/translations").status()).isEqualTo(404);
        assertThat(layla.get(others + "/similar").status()).isEqualTo(404);
        assertThat(layla.get(others + "/preview-links").status()).isEqualTo(404);
        assertThat(layla.post(others + "/preview-links", Map.of("expiresIn", "PT2H")).status()).isEqualTo(404);
        assertThat(layla.get("/api/admin/stories").status()).isEqualTo(403);
        assertThat(layla.get(others + "/story").status()).isEqualTo(403);
        // an editor's work, published or not, is as closed to her
        assertThat(layla.get("/api/admin/articles/" + editors).status()).isEqualTo(404);
        // and her own is open
        assertThat(layla.get("/api/admin/articles/" + laylas + "/revisions").status()).isEqualTo(200);
        assertThat(layla.get("/api/admin/articles/" + laylas + "/revisions/1/diff/current").status()).isEqualTo(200);
    }

    @Test
    void aWritersReadAlsoListTakesTheirOwnAndPublishedArticlesButNotOthersDrafts() {
        String published = ArticleFixtures.publishedId(editor, "خبر منشور للجميع");
        String etag = layla.get("/api/admin/articles/" + laylas).header("ETag");
        assertThat(layla.put("/api/admin/articles/" + laylas + "/related", Map.of("ids", List.of(omars)), "If-Match", etag).status())
                .isEqualTo(400);
        Api.Result linked = layla.put("/api/admin/articles/" + laylas + "/related", Map.of("ids", List.of(published)), "If-Match", etag);
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    }

    /** What an editor linked to a WRITER's article that is neither hers nor published stays unknown to her, and stays linked. */
    @Test
    void aWriterNeverLearnsOfAnEditorsDraftInHerReadAlsoListAndHerEditKeepsIt() {
        String published = ArticleFixtures.publishedId(editor, "خبر منشور للجميع");
        String etag = editor.get("/api/admin/articles/" + laylas).header("ETag");
        assertThat(editor.put("/api/admin/articles/" + laylas + "/related", Map.of("ids", List.of(editors, published)), "If-Match", etag)
                .status()).isEqualTo(200);

        assertThat(readAlso(layla.get("/api/admin/articles/" + laylas).json().get("related"))).containsExactly(published);
        assertThat(readAlso(layla.get("/api/admin/articles/" + laylas + "/related").json().get("items"))).containsExactly(published);
        assertThat(ids(layla.get("/api/admin/articles")).size()).isEqualTo(1);
        assertThat(layla.get("/api/admin/articles").body()).doesNotContain(editors);

        String hers = layla.get("/api/admin/articles/" + laylas).header("ETag");
        Api.Result edited = layla.patch("/api/admin/articles/" + laylas, Map.of("headline", "ليلى تعدل عنوانها"), "If-Match", hers);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body()).doesNotContain(editors);
        assertThat(readAlso(editor.get("/api/admin/articles/" + laylas).json().get("related"))).containsExactly(editors, published);
    }

    private static List<String> readAlso(JsonNode items) {
        return items.valueStream().map(item -> item.get("id").asString()).toList();
    }

    @Test
    void aTranslationGroupShowsAWriterTheirOwnMembersOnly() {
        Map<String, Object> english = ArticleFixtures.article("Layla on the elections");
        english.put("language", "en");
        String translation = ArticleFixtures.create(layla, english).json().get("id").asString();
        assertThat(editor.put("/api/admin/articles/" + translation + "/translation-of", Map.of("id", omars)).status()).isEqualTo(200);
        assertThat(editor.get("/api/admin/articles/" + translation + "/translations").json().get("items")).hasSize(2);
        JsonNode group = layla.get("/api/admin/articles/" + translation + "/translations").json().get("items");
        assertThat(group.valueStream().map(member -> member.get("id").asString()).toList()).containsExactly(translation);
    }

    @Test
    void aWritersOwnKeyAndTheirSignedInSelfShareTheirArticles() {
        String viaKey = layla.post("/api/admin/api-keys", Map.of("name", "ليلى من هاتفها", "role", "WRITER")).json().get("secret").asString();
        Api laylasKey = api.as(viaKey);
        String written = create(laylasKey, "ليلى من الهاتف");
        assertThat(ids(laylasKey.get("/api/admin/articles"))).containsExactlyInAnyOrder(laylas, written);
        assertThat(ids(layla.get("/api/admin/articles"))).containsExactlyInAnyOrder(laylas, written);
        assertThat(laylasKey.get("/api/admin/articles/" + omars).status()).isEqualTo(404);
    }

    @Test
    void aWriterKeyOfNobodysSeesWhatItCreated() {
        Api unowned = api.as(writerKey);
        String written = create(unowned, "مقال بمفتاح قديم");
        assertThat(ids(unowned.get("/api/admin/articles"))).containsExactly(written);
        assertThat(unowned.get("/api/admin/articles/" + laylas).status()).isEqualTo(404);
        String etag = unowned.get("/api/admin/articles/" + written).header("ETag");
        assertThat(unowned.put("/api/admin/articles/" + written, ArticleFixtures.article("مقال معدل"), "If-Match", etag).status()).isEqualTo(200);
    }

    private static List<String> ids(Api.Result page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
