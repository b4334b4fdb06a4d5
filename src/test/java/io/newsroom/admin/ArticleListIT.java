package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArticleListIT extends IntegrationTest {

    @Test
    void cursorWalksEveryArticleOnceNewestFirst() {
        Api editor = api.as(editorKey);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(0, ArticleFixtures.createId(editor, "خبر رقم " + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = editor.get("/api/admin/articles?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            seen.addAll(ids(page));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void filtersByStatusTagSourceAndText() {
        Api editor = api.as(editorKey);
        String source = editor.post("/api/admin/sources", Map.of("name", "بوابة الوفد")).json().get("id").asString();
        Map<String, Object> withSource = ArticleFixtures.article("باكستان وإيران تبرمان خطة عمل مشتركة", "إيران");
        withSource.put("sourceId", source);
        String pact = ArticleFixtures.create(editor, withSource).json().get("id").asString();
        editor.post("/api/admin/articles/" + pact + "/publish", null);
        String other = ArticleFixtures.createId(editor, "مصرع 16 إثر سقوط حافلة في كشمير", "كشمير");

        assertThat(ids(editor, "status=PUBLISHED")).containsExactly(pact);
        assertThat(ids(editor, "status=DRAFT")).containsExactly(other);
        assertThat(ids(editor, "tag=ايران")).containsExactly(pact);
        assertThat(ids(editor, "source=" + source)).containsExactly(pact);
        assertThat(ids(editor, "source=بوابة-الوفد")).containsExactly(pact);
        assertThat(ids(editor, "q=مشتركه")).containsExactly(pact);
        assertThat(ids(editor, "q=الحافلة")).containsExactly(other);
        // A word too long for any index is passed over (PostgreSQL refused the whole query: a 500).
        assertThat(ids(editor, "q=" + "a".repeat(5_000) + "+مشتركه")).containsExactly(pact);
    }

    private static List<String> ids(Api api, String query) {
        return ids(api.get("/api/admin/articles?" + query).json());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
