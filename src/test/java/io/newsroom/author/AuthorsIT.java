package io.newsroom.author;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The admin side of authors end to end: CRUD, validation, articles' ordered credits, the byline, merging. */
class AuthorsIT extends IntegrationTest {

    @Autowired
    AuthorService people;

    private Api editor;

    @BeforeEach
    void editor() {
        editor = api.as(editorKey);
    }

    @Test
    void authorCrudKeepsArabicSlugsAndTheProfile() {
        Api.Result created = editor.post("/api/admin/authors", Map.of("name", "محمد علي", "bio", "مراسل الشؤون الخارجية",
                "image", "https://images.example.org/mohamed.jpg", "links", List.of("https://x.com/mohamed", "https://mohamed.example")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode author = created.json();
        String id = author.get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/admin/authors/" + id);
        assertThat(author.get("slug").asString()).isEqualTo("محمد-علي");
        assertThat(author.get("links").get(1).asString()).isEqualTo("https://mohamed.example");
        assertThat(author.get("personId").isNull()).isTrue();

        JsonNode read = editor.get("/api/admin/authors/" + id).json();
        assertThat(read.get("bio").asString()).isEqualTo("مراسل الشؤون الخارجية");
        assertThat(read.get("image").asString()).isEqualTo("https://images.example.org/mohamed.jpg");

        Api.Result renamed = editor.put("/api/admin/authors/" + id, Map.of("name", "محمد علي حسن", "slug", "mohamed-ali"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("slug").asString()).isEqualTo("mohamed-ali");
        assertThat(renamed.json().get("name").asString()).isEqualTo("محمد علي حسن");
        assertThat(editor.get("/api/admin/authors").json().get("items").findValuesAsString("name")).containsExactly("محمد علي حسن");

        assertThat(editor.delete("/api/admin/authors/" + id).status()).isEqualTo(204);
        assertThat(editor.get("/api/admin/authors/" + id).status()).isEqualTo(404);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'author' ORDER BY id", String.class))
                .containsExactly("author.created", "author.updated", "author.deleted");
    }

    @Test
    void authorListIsPagedByNameWithACursor() {
        for (String name : new String[] {"ليلى حسن", "أحمد سمير", "سارة حسن"}) {
            assertThat(editor.post("/api/admin/authors", Map.of("name", name)).status()).isEqualTo(201);
        }
        JsonNode first = editor.get("/api/admin/authors?limit=2").json();
        JsonNode second = editor.get("/api/admin/authors?limit=2&cursor=" + first.get("next").asString()).json();
        assertThat(first.get("items").findValuesAsString("name")).containsExactly("أحمد سمير", "سارة حسن");
        assertThat(second.get("items").findValuesAsString("name")).containsExactly("ليلى حسن");
        assertThat(second.get("next").isNull()).isTrue();

        // a search by any spelling of part of a name, and one source's authors
        assertThat(editor.get("/api/admin/authors?q=" + Api.encode("حسن")).json().get("items").findValuesAsString("name"))
                .containsExactly("سارة حسن", "ليلى حسن");
        assertThat(editor.get("/api/admin/authors?q=" + Api.encode("ليلي")).json().get("items").findValuesAsString("name"))
                .containsExactly("ليلى حسن");
        assertThat(editor.get("/api/admin/authors?q=" + Api.encode("%_")).json().get("items")).isEmpty();
        String source = source("مصراوي");
        editor.post("/api/admin/authors", Map.of("name", "ليلى حسن", "sourceId", source));
        assertThat(editor.get("/api/admin/authors?sourceId=" + source).json().get("items").findValuesAsString("sourceId"))
                .containsExactly(source);
    }

    @Test
    void badAuthorsAreClearProblemsAndChangeNothing() {
        String source = source("بوابة الوفد");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("name", ""), Map.of("bio", "بلا اسم"),
                Map.of("name", "محمد", "image", "javascript:alert(1)"), Map.of("name", "محمد", "links", List.of("ftp://example.org")),
                Map.of("name", "محمد", "sourceId", UUID.randomUUID().toString()), Map.of("name", "محمد", "sourceId", "not-an-id"),
                Map.of("name", "!!!"), Map.of("name", "م".repeat(101)))) {
            Api.Result refused = editor.post("/api/admin/authors", bad);
            assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("SQL");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors", Long.class)).isZero();

        String ali = editor.post("/api/admin/authors", Map.of("name", "محمد علي")).json().get("id").asString();
        Api.Result variant = editor.post("/api/admin/authors", Map.of("name", "محمّد على"));
        assertThat(variant.status()).as(variant.toString()).isEqualTo(409);
        assertThat(variant.json().get("existingId").asString()).isEqualTo(ali);
        // another outlet's محمد علي is another writer
        Api.Result otherOutlet = editor.post("/api/admin/authors", Map.of("name", "محمد علي", "sourceId", source));
        assertThat(otherOutlet.status()).as(otherOutlet.toString()).isEqualTo(201);
        assertThat(otherOutlet.json().get("slug").asString()).isEqualTo("محمد-علي-2");

        assertThat(editor.post("/api/admin/authors/" + ali + "/merge", Map.of("intoId", ali)).status()).isEqualTo(400);
        assertThat(editor.post("/api/admin/authors/" + ali + "/merge", Map.of("intoId", UUID.randomUUID().toString())).status()).isEqualTo(400);
        assertThat(editor.post("/api/admin/authors/" + UUID.randomUUID() + "/merge", Map.of("intoId", ali)).status()).isEqualTo(404);
        assertThat(editor.put("/api/admin/authors/" + UUID.randomUUID(), Map.of("name", "أحد")).status()).isEqualTo(404);

        // roles: writers read authors but do not change them; no key is 401
        assertThat(api.as(writerKey).get("/api/admin/authors").status()).isEqualTo(200);
        assertThat(api.as(writerKey).post("/api/admin/authors", Map.of("name", "كاتب")).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/authors", Map.of("name", "كاتب")).status()).isEqualTo(401);
    }

    @Test
    void articlesCreditAuthorsInOrderByIdOrNameAndUnknownNamesBecomeAuthorsOnce() {
        String sara = editor.post("/api/admin/authors", Map.of("name", "سارة أحمد")).json().get("id").asString();
        Map<String, Object> body = article("لقاء في القاهرة");
        body.put("authors", List.of("ليلى حسن", Map.of("id", sara), Map.of("name", "محمد علي"), "ليلي حسن", sara));
        Api.Result created = editor.post("/api/admin/articles", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode article = created.json();
        assertThat(article.get("authors").findValuesAsString("name")).containsExactly("ليلى حسن", "سارة أحمد", "محمد علي");
        assertThat(article.get("authors").get(1).get("id").asString()).isEqualTo(sara);
        assertThat(article.get("authors").get(0).get("slug").asString()).isEqualTo("ليلى-حسن");
        assertThat(article.get("byline").asString()).isEqualTo("ليلى حسن، سارة أحمد ومحمد علي");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors", Long.class)).isEqualTo(3);

        // a second article naming them by name finds them (spelling variants too)
        Map<String, Object> second = article("لقاء ثان");
        second.put("authors", List.of("محمد على", "ليلى حسن"));
        JsonNode again = editor.post("/api/admin/articles", second).json();
        assertThat(again.get("authors").findValuesAsString("name")).containsExactly("محمد علي", "ليلى حسن");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors", Long.class)).isEqualTo(3);

        // admin list by author (slug or id)
        assertThat(editor.get("/api/admin/articles?author=" + Api.encode("ليلى-حسن")).json().get("items")).hasSize(2);
        assertThat(editor.get("/api/admin/articles?author=" + sara).json().get("items").findValuesAsString("headline"))
                .containsExactly("لقاء في القاهرة");

        // what cannot be an author is a 400 naming the field
        for (Object bad : List.of(List.of(Map.of()), List.of(Map.of("id", UUID.randomUUID().toString())), List.of("؟؟"),
                List.of("م".repeat(101)), "سارة")) {
            Map<String, Object> request = article("خبر مرفوض");
            request.put("authors", bad);
            Api.Result refused = editor.post("/api/admin/articles", request);
            assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles", Long.class)).isEqualTo(2);
    }

    @Test
    void theBylineFollowsTheAuthorsUnlessAnEditorWroteItOtherwise() {
        Map<String, Object> body = article("قمة الرياض");
        body.put("authors", List.of("محمد علي"));
        JsonNode created = editor.post("/api/admin/articles", body).json();
        String id = created.get("id").asString();
        assertThat(created.get("byline").asString()).isEqualTo("محمد علي");

        // a merge patch of the authors: the derived byline follows them
        JsonNode patched = editor.patch("/api/admin/articles/" + id, Map.of("authors", List.of("محمد علي", "سارة أحمد")),
                "If-Match", "\"" + created.get("version").asLong() + "\"").json();
        assertThat(patched.get("byline").asString()).isEqualTo("محمد علي وسارة أحمد");

        // an English article says "and"
        Map<String, Object> english = article("Summit in Riyadh");
        english.put("language", "en");
        english.put("authors", List.of("Jane Doe", "John Roe"));
        assertThat(editor.post("/api/admin/articles", english).json().get("byline").asString()).isEqualTo("Jane Doe and John Roe");

        // a byline written by hand stays whatever the authors become
        JsonNode written = editor.patch("/api/admin/articles/" + id, Map.of("byline", "مراسلو الوكالة في الرياض"),
                "If-Match", "\"" + patched.get("version").asLong() + "\"").json();
        JsonNode moreAuthors = editor.patch("/api/admin/articles/" + id, Map.of("authors", List.of("ليلى حسن")),
                "If-Match", "\"" + written.get("version").asLong() + "\"").json();
        assertThat(moreAuthors.get("byline").asString()).isEqualTo("مراسلو الوكالة في الرياض");
        assertThat(moreAuthors.get("authors").findValuesAsString("name")).containsExactly("ليلى حسن");

        // today's clients: a PUT without authors keeps them, and clearing the byline derives it again
        Map<String, Object> put = article("قمة الرياض");
        Api.Result replaced = editor.put("/api/admin/articles/" + id, put, "If-Match", "\"" + moreAuthors.get("version").asLong() + "\"");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("authors").findValuesAsString("name")).containsExactly("ليلى حسن");
        assertThat(replaced.json().get("byline").asString()).isEqualTo("ليلى حسن");

        // null in a merge patch clears the authors, and a derived byline with them
        Map<String, Object> clear = new HashMap<>();
        clear.put("authors", null);
        JsonNode cleared = editor.patch("/api/admin/articles/" + id, clear, "If-Match", "\"" + replaced.json().get("version").asLong() + "\"").json();
        assertThat(cleared.get("authors")).isEmpty();
        assertThat(cleared.get("byline").isNull()).isTrue();

        // a byline alone, as before authors existed, creates no author
        Map<String, Object> old = article("خبر بتوقيع حر");
        old.put("byline", "مراسلنا في غزة");
        JsonNode plain = editor.post("/api/admin/articles", old).json();
        assertThat(plain.get("byline").asString()).isEqualTo("مراسلنا في غزة");
        assertThat(plain.get("authors")).isEmpty();
    }

    @Test
    void renamingAnAuthorRenamesDerivedBylinesAndNewVersionsButLeavesWrittenOnes() {
        String ali = editor.post("/api/admin/authors", Map.of("name", "محمد علي")).json().get("id").asString();
        Map<String, Object> derived = article("خبر أول");
        derived.put("authors", List.of(ali, "سارة أحمد"));
        JsonNode first = editor.post("/api/admin/articles", derived).json();
        Map<String, Object> written = article("خبر ثان");
        written.put("authors", List.of(ali));
        written.put("byline", "محمد علي من القاهرة");
        JsonNode second = editor.post("/api/admin/articles", written).json();

        assertThat(editor.put("/api/admin/authors/" + ali, Map.of("name", "محمد علي حسن")).status()).isEqualTo(200);

        JsonNode firstNow = editor.get("/api/admin/articles/" + first.get("id").asString()).json();
        assertThat(firstNow.get("byline").asString()).isEqualTo("محمد علي حسن وسارة أحمد");
        assertThat(firstNow.get("version").asLong()).isGreaterThan(first.get("version").asLong());
        assertThat(editor.get("/api/admin/articles/" + second.get("id").asString()).json().get("byline").asString())
                .isEqualTo("محمد علي من القاهرة");
    }

    @Test
    void mergeMovesCreditsKeepsTheOldNameAndSlugAndDeletesTheAuthor() {
        String source = source("بوابة الوفد");
        String ali = editor.post("/api/admin/authors", Map.of("name", "محمد علي")).json().get("id").asString();
        String wafdAli = editor.post("/api/admin/authors", Map.of("name", "محمد علي", "sourceId", source)).json().get("id").asString();
        Map<String, Object> onlyWafd = article("خبر من الوفد");
        onlyWafd.put("sourceId", source);
        onlyWafd.put("authors", List.of("سارة أحمد", "محمد علي"));
        JsonNode wafdArticle = editor.post("/api/admin/articles", onlyWafd).json();
        assertThat(wafdArticle.get("authors").get(1).get("id").asString()).isEqualTo(wafdAli);
        Map<String, Object> both = article("خبر مشترك");
        both.put("authors", List.of(wafdAli, ali));
        String bothId = editor.post("/api/admin/articles", both).json().get("id").asString();

        Api.Result merged = editor.post("/api/admin/authors/" + wafdAli + "/merge", Map.of("intoId", ali));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("id").asString()).isEqualTo(ali);
        assertThat(editor.get("/api/admin/authors/" + wafdAli).status()).isEqualTo(404);

        JsonNode moved = editor.get("/api/admin/articles/" + wafdArticle.get("id").asString()).json();
        assertThat(moved.get("authors").findValuesAsString("id")).containsExactly(
                moved.get("authors").get(0).get("id").asString(), ali);
        assertThat(moved.get("version").asLong()).isGreaterThan(wafdArticle.get("version").asLong());
        assertThat(editor.get("/api/admin/articles/" + bothId).json().get("authors").findValuesAsString("id")).containsExactly(ali);

        // the next byline the outlet spells so credits the survivor, not a new author
        Map<String, Object> later = article("خبر لاحق من الوفد");
        later.put("sourceId", source);
        later.put("authors", List.of("محمد على"));
        assertThat(editor.post("/api/admin/articles", later).json().get("authors").findValuesAsString("id")).containsExactly(ali);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors WHERE normalized_key = (SELECT normalized_key FROM authors WHERE id = ?::uuid)",
                Long.class, ali)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'author' ORDER BY id", String.class))
                .contains("author.merged");
    }

    @Test
    void articlesCreatedAtOnceNamingOneNewAuthorShareIt() throws Exception {
        int writers = 8;
        CyclicBarrier barrier = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Api.Result>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Map<String, Object> body = article("خبر متزامن " + i);
                body.put("authors", List.of("كاتب جديد", "كاتبة جديدة"));
                results.add(pool.submit(() -> {
                    barrier.await();
                    return editor.post("/api/admin/articles", body);
                }));
            }
            for (Future<Api.Result> result : results) {
                assertThat(result.get().status()).as(result.get().toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT author_id) FROM article_authors", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM article_authors", Long.class)).isEqualTo(2L * writers);
    }

    @Test
    void deletingAnAuthorTakesItOffItsArticles() {
        String ali = editor.post("/api/admin/authors", Map.of("name", "محمد علي")).json().get("id").asString();
        Map<String, Object> body = article("خبر");
        body.put("authors", List.of("سارة أحمد", ali));
        String id = editor.post("/api/admin/articles", body).json().get("id").asString();

        assertThat(editor.delete("/api/admin/authors/" + ali).status()).isEqualTo(204);
        JsonNode article = editor.get("/api/admin/articles/" + id).json();
        assertThat(article.get("authors").findValuesAsString("name")).containsExactly("سارة أحمد");
        assertThat(article.get("byline").asString()).isEqualTo("سارة أحمد");
    }

    @Test
    void restoringARevisionRestoresItsAuthors() {
        Map<String, Object> body = article("خبر بمراجعات");
        body.put("authors", List.of("محمد علي"));
        JsonNode created = editor.post("/api/admin/articles", body).json();
        String id = created.get("id").asString();
        editor.patch("/api/admin/articles/" + id, Map.of("authors", List.of("سارة أحمد")), "If-Match", "\"" + created.get("version").asLong() + "\"");

        JsonNode restored = editor.post("/api/admin/articles/" + id + "/revisions/1/restore", null).json();
        assertThat(restored.get("authors").findValuesAsString("name")).containsExactly("محمد علي");
        assertThat(restored.get("byline").asString()).isEqualTo("محمد علي");
    }

    @Test
    void aPersonWhoWritesGetsOneAuthorLinkedToThem() throws Exception {
        String staff = editor.post("/api/admin/authors", Map.of("name", "سارة أحمد", "bio", "محررة")).json().get("id").asString();
        UUID sara = UUID.randomUUID();

        // an author the newsroom made before she first signed in is hers (her name, or a spelling of it)
        Author linked = people.forPerson(sara, "ساره احمد");
        assertThat(linked.getId()).hasToString(staff);
        assertThat(people.forPerson(sara, "Sara Ahmed").getId()).hasToString(staff);
        JsonNode shown = editor.get("/api/admin/authors/" + staff).json();
        assertThat(shown.get("personId").asString()).isEqualTo(sara.toString());
        assertThat(shown.get("bio").asString()).isEqualTo("محررة");

        // another person of the same name gets an author of their own
        UUID namesake = UUID.randomUUID();
        Author second = people.forPerson(namesake, "سارة أحمد");
        assertThat(second.getId().toString()).isNotEqualTo(staff);
        assertThat(second.getSlug()).isEqualTo("سارة-أحمد-2");
        assertThat(second.getPersonId()).isEqualTo(namesake);

        // two authors of two people are not merged into one
        Api.Result refused = editor.post("/api/admin/authors/" + second.getId() + "/merge", Map.of("intoId", staff));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        // nor is a person given a second author
        assertThat(editor.post("/api/admin/authors", Map.of("name", "اسم آخر", "personId", sara.toString())).status()).isEqualTo(409);

        // a person's first articles, written at once, still make one author
        UUID newcomer = UUID.randomUUID();
        int calls = 6;
        CyclicBarrier barrier = new CyclicBarrier(calls);
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<UUID>> ids = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                ids.add(pool.submit(() -> {
                    barrier.await();
                    return people.forPerson(newcomer, "ليلى حسن").getId();
                }));
            }
            UUID first = ids.get(0).get();
            for (Future<UUID> id : ids) {
                assertThat(id.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM authors WHERE person_id = ?", Long.class, newcomer)).isEqualTo(1);
    }

    private String source(String name) {
        Api.Result created = api.as(adminKey).post("/api/admin/sources", Map.of("name", name, "url", "https://" + Math.abs(name.hashCode()) + ".example/"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static Map<String, Object> article(String headline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("headline", headline);
        body.put("bodyHtml", "<p>" + headline + "</p>");
        return body;
    }
}
