package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.demo.DemoContent;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ContentTaxonomyIT extends IntegrationTest {

    @Autowired
    DemoContent demo;

    @BeforeEach
    void seed() {
        demo.load();
    }

    @Test
    void tagsCountOnlyPublishedArticles() {
        ArticleFixtures.createId(api.as(editorKey), "مسودة عن إيران", "إيران");
        JsonNode iran = api.get("/api/content/tags/" + ContentArticlesIT.enc("ايران")).json();
        assertThat(iran.get("name").asString()).isEqualTo("إيران");
        assertThat(iran.get("articles").asLong()).isEqualTo(3);
        JsonNode all = api.get("/api/content/tags?limit=100").json();
        assertThat(all.get("items")).hasSize(23);
    }

    @Test
    void sourcesCountOnlyPublishedArticles() {
        JsonNode sources = api.get("/api/content/sources").json();
        assertThat(sources.get("items").findValuesAsString("name")).contains("بوابة الوفد", "نوفوستي");
        assertThat(api.get("/api/content/sources/" + ContentArticlesIT.enc("نوفوستي")).json().get("articles").asLong()).isEqualTo(2);
    }

    @Test
    void mergedTagSlugRedirectsToTheSurvivingTag() {
        Api editor = api.as(editorKey);
        String kashmir = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'كشمير'", String.class);
        String pakistan = jdbc.queryForObject("SELECT id::text FROM tags WHERE name = 'باكستان'", String.class);
        assertThat(editor.post("/api/admin/tags/" + kashmir + "/merge", Map.of("intoId", pakistan)).status()).isEqualTo(200);
        Api.Result old = api.get("/api/content/tags/" + ContentArticlesIT.enc("كشمير"));
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.header("Location")).isEqualTo("/api/content/tags/" + ContentArticlesIT.enc("باكستان"));
        // the old slug now filters by the surviving tag: every Pakistan article, the two Kashmir stories among them
        assertThat(ContentArticlesIT.items(api.get("/api/content/articles?tag=" + ContentArticlesIT.enc("كشمير")).json())).hasSize(6);
    }

    @Test
    void unknownTagOrSourceIs404() {
        assertThat(api.get("/api/content/tags/nothing").status()).isEqualTo(404);
        assertThat(api.get("/api/content/sources/nothing").status()).isEqualTo(404);
    }
}
