package io.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.FeedServer;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.Photos;
import io.newsroom.support.Photos.Answer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The library as editors use it: list and search, describe, fetch from a URL, delete, each by role. */
class MediaLibraryIT extends IntegrationTest {

    private Photos photos;

    @BeforeEach
    void client() {
        photos = new Photos(port, json);
    }

    private String upload(String caption, String credit) {
        Answer answer = photos.upload(writerKey, "photo.jpg", "image/jpeg", Photos.jpeg(400, 300), "caption", caption, "credit", credit);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    @Test
    void theLibraryListsNewestFirstSearchesCaptionsAndCreditsAndPages() {
        String first = upload("مؤتمر صحفي في الرياض", "وكالة الأنباء");
        String second = upload("Press conference", "Agency Pictures");
        String third = upload("ملعب كرة القدم", "مصور الجريدة");
        JsonNode page = api.as(writerKey).get("/api/admin/media?limit=2").json();
        assertThat(page.get("items")).extracting(i -> i.get("id").asString()).containsExactly(third, second);
        JsonNode rest = api.as(writerKey).get("/api/admin/media?limit=2&cursor=" + page.get("next").asString()).json();
        assertThat(rest.get("items")).extracting(i -> i.get("id").asString()).containsExactly(first);
        assertThat(rest.get("next").isNull()).isTrue();
        assertThat(api.as(writerKey).get("/api/admin/media?q=" + io.newsroom.support.Api.encode("الرياض")).json().get("items"))
                .extracting(i -> i.get("id").asString()).containsExactly(first);
        assertThat(api.as(writerKey).get("/api/admin/media?q=agency").json().get("items"))
                .extracting(i -> i.get("id").asString()).containsExactly(second);
        assertThat(api.as(writerKey).get("/api/admin/media?q=%25").json().get("items")).isEmpty();
        assertThat(api.as(writerKey).get("/api/admin/media?cursor=nonsense").status()).isEqualTo(400);
        assertThat(api.get("/api/admin/media").status()).isEqualTo(401);
    }

    @Test
    void writersDescribeAPhotoAndSetItsFocalPointWithinTheImage() {
        String id = upload("قديم", "قديم");
        Map<String, Object> patch = new HashMap<>();
        patch.put("caption", "ضابط شرطة يحرس بوابة الدخول الرئيسية");
        patch.put("credit", null);
        patch.put("alt", "رجل أمن بزي رسمي");
        patch.put("focalPoint", Map.of("x", 0.25, "y", 0.75));
        Answer answer = photos.get("/api/admin/media/" + id); // warm path, unauthenticated: 401
        assertThat(answer.status()).isEqualTo(401);
        JsonNode changed = api.as(writerKey).patch("/api/admin/media/" + id, patch).json();
        assertThat(changed.get("caption").asString()).isEqualTo("ضابط شرطة يحرس بوابة الدخول الرئيسية");
        assertThat(changed.get("credit").isNull()).isTrue();
        assertThat(changed.get("alt").asString()).isEqualTo("رجل أمن بزي رسمي");
        assertThat(changed.get("focalPoint").get("y").asDouble()).isEqualTo(0.75);
        JsonNode read = api.as(integrationKey).get("/api/admin/media/" + id).json();
        assertThat(read.get("caption").asString()).isEqualTo("ضابط شرطة يحرس بوابة الدخول الرئيسية");

        for (Object bad : List.of(Map.of("focalPoint", Map.of("x", 1.5, "y", 0.5)), Map.of("focalPoint", Map.of("x", "left", "y", 0.5)),
                Map.of("focalPoint", Map.of("x", 0.5)), Map.of("focalPoint", 3), Map.of("caption", 42), Map.of("width", 10))) {
            var refused = api.as(writerKey).patch("/api/admin/media/" + id, bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors")).isNotEmpty();
        }
        assertThat(api.as(integrationKey).patch("/api/admin/media/" + id, Map.of("caption", "x")).status()).isEqualTo(403);
        assertThat(api.as(writerKey).patch("/api/admin/media/00000000-0000-0000-0000-000000000000", Map.of("caption", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void editorsDeleteAPhotoAndItsFilesWritersMayNot() {
        Answer uploaded = photos.upload(writerKey, "photo.jpg", "image/jpeg", Photos.jpeg(400, 300));
        String id = uploaded.json().get("id").asString();
        String url = uploaded.json().get("renditions").get(0).get("url").asString();
        assertThat(photos.get(url).status()).isEqualTo(200);
        assertThat(api.as(writerKey).delete("/api/admin/media/" + id).status()).isEqualTo(403);
        assertThat(api.as(editorKey).delete("/api/admin/media/" + id).status()).isEqualTo(204);
        assertThat(api.as(editorKey).get("/api/admin/media/" + id).status()).isEqualTo(404);
        assertThat(photos.get(url).status()).isEqualTo(404);
        assertThat(api.as(editorKey).delete("/api/admin/media/" + id).status()).isEqualTo(404);
    }

    @Test
    void aPhotoIsFetchedFromAUrlThroughRedirectsAndRememberedWhereItCameFrom() throws Exception {
        try (FeedServer server = new FeedServer()) {
            byte[] jpeg = Photos.jpeg(500, 400);
            server.serve("/photo.jpg", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, jpeg.length);
                exchange.getResponseBody().write(jpeg);
                exchange.close();
            });
            server.serve("/moved", exchange -> {
                exchange.getResponseHeaders().add("Location", "/photo.jpg");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.serve("/missing", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            var fetched = api.as(writerKey).post("/api/admin/media", Map.of("url", server.url("/moved"), "caption", "من الوكالة"));
            assertThat(fetched.status()).as(fetched.toString()).isEqualTo(201);
            assertThat(fetched.json().get("sourceUrl").asString()).isEqualTo(server.url("/moved"));
            assertThat(fetched.json().get("caption").asString()).isEqualTo("من الوكالة");
            assertThat(fetched.json().get("width").asInt()).isEqualTo(500);

            var missing = api.as(writerKey).post("/api/admin/media", Map.of("url", server.url("/missing")));
            assertThat(missing.status()).isEqualTo(422);
            assertThat(missing.json().get("detail").asString()).contains("404");
            var notHttp = api.as(writerKey).post("/api/admin/media", Map.of("url", "file:///etc/passwd"));
            assertThat(notHttp.status()).isEqualTo(400);
            var noUrl = api.as(writerKey).post("/api/admin/media", Map.of("caption", "x"));
            assertThat(noUrl.status()).isEqualTo(400);
        }
    }

    @Test
    void otherRequestTypesAreRefusedWithProblems() {
        var text = api.as(writerKey).send("POST", "/api/admin/media", "text/plain", "hello");
        assertThat(text.status()).isEqualTo(415);
        List<Integer> statuses = new ArrayList<>();
        statuses.add(api.as(writerKey).get("/api/admin/media/not-a-uuid").status());
        statuses.add(api.as(writerKey).get("/api/admin/media?limit=1000").status());
        assertThat(statuses).containsOnly(400);
    }
}
