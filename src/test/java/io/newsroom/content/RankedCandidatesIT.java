package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Search ranks only a query's newest matches, as many as newsroom.search.ranked-candidates (lowered to 2 here). */
// Closed after the class: a context left in the cache would keep its scheduling job and webhook worker running
// against the shared database while other classes test them.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "newsroom.search.ranked-candidates=2")
class RankedCandidatesIT extends IntegrationTest {

    @Test
    void onlyTheNewestMatchesAreRankedAndListed() {
        Api editor = api.as(editorKey);
        // The oldest match is the best one (the word three times in its headline), but it is not among the newest two.
        String oldest = ArticleFixtures.publishedId(editor, "الزلزال الزلزال الزلزال يضرب المدينة");
        String older = ArticleFixtures.publishedId(editor, "فرق الإنقاذ تصل بعد الزلزال");
        String newest = ArticleFixtures.publishedId(editor, "تبرعات لضحايا الزلزال");

        JsonNode page = search("الزلزال", 10, null);
        assertThat(ids(page)).containsExactlyInAnyOrder(older, newest).doesNotContain(oldest);
        assertThat(page.get("next").isNull()).isTrue();

        // Paging stays within the ranked matches too.
        JsonNode first = search("الزلزال", 1, null);
        JsonNode second = search("الزلزال", 1, first.get("next").asString());
        assertThat(List.of(ids(first).get(0), ids(second).get(0))).containsExactlyInAnyOrder(older, newest);
        assertThat(second.get("next").isNull()).isTrue();
    }

    private JsonNode search(String q, int limit, String cursor) {
        Api.Result result = api.get("/api/content/search?limit=" + limit + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
