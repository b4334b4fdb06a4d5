package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.demo.DemoContent;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.NinjsSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The ninjs form of published articles, by Accept header and (every demo article) by ?format=ninjs. That
 * the validator used here tells good from bad: ingest/NinjsSchemaTest; negotiation case by case:
 * content/web/ContentArticleHeadersTest.
 */
class NinjsIT extends IntegrationTest {

    @Autowired
    DemoContent demo;

    @BeforeEach
    void seed() {
        demo.load();
    }

    @Test
    void acceptHeaderGivesAValidNinjsDocument() {
        Api.Result result = api.get(ContentArticlesIT.path(ContentArticlesIT.MAIN_SLUG), "Accept", "application/ninjs+json");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Content-Type")).startsWith("application/ninjs+json");
        assertThat(String.join(", ", result.response().headers().allValues("Vary"))).contains("Accept");
        JsonNode ninjs = result.json();
        assertThat(NinjsSchema.validate(ninjs)).isEmpty();
        assertThat(ninjs.get("type").asString()).isEqualTo("text");
        assertThat(ninjs.get("pubstatus").asString()).isEqualTo("usable");
        assertThat(ninjs.get("language").asString()).isEqualTo("ar");
        assertThat(ninjs.get("headlines").get(0).get("value").asString()).isEqualTo("باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب");
        assertThat(ninjs.get("bodies").get(0).get("contenttype").asString()).isEqualTo("text/html");
        assertThat(ninjs.get("subjects").findValuesAsString("name")).containsExactly("مكافحة الإرهاب", "إيران", "باكستان", "خطة عمل مشتركة");
        assertThat(ninjs.get("infosources").get(0).get("name").asString()).isEqualTo("بوابة الوفد");
        assertThat(ninjs.get("associations").get(0).get("name").asString()).isEqualTo("image");
        assertThat(ninjs.get("associations").get(1).get("name").asString()).isEqualTo("related-1");
        assertThat(ninjs.get("associations")).hasSize(2);
        JsonNode image = ninjs.get("associations").get(0);
        assertThat(image.get("type").asString()).isEqualTo("picture");
        assertThat(image.get("descriptions").get(0).get("value").asString()).startsWith("ضابط شرطة يحرس");
        assertThat(ninjs.has("versioncreated")).isTrue();
        assertThat(ninjs.has("firstcreated")).isTrue();
    }

    @Test
    void everyDemoArticleIsValidNinjs() {
        for (String slug : jdbc.queryForList("SELECT slug FROM articles", String.class)) {
            JsonNode ninjs = api.get(ContentArticlesIT.path(slug) + "?format=ninjs").json();
            assertThat(NinjsSchema.validate(ninjs)).as(slug).isEmpty();
        }
    }
}
