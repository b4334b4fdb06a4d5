package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.client.ApiClient;
import io.newsroom.client.ApiException;
import io.newsroom.client.api.ArticlesAdminApi;
import io.newsroom.client.api.ArticlesContentApi;
import io.newsroom.client.api.SourcesAdminApi;
import io.newsroom.client.model.AdminArticleResponse;
import io.newsroom.client.model.ArticleRequest;
import io.newsroom.client.model.ArticleView;
import io.newsroom.client.model.PagePublicArticle;
import io.newsroom.client.model.PublicArticle;
import io.newsroom.client.model.PublishRequest;
import io.newsroom.client.model.SourceRequest;
import io.newsroom.client.model.SourceResponse;
import io.newsroom.client.model.TagRef;
import io.newsroom.support.IntegrationTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API driven through the Java client that openapi-generator makes from the committed OpenAPI
 * description at build time (never committed itself): what a frontend or newsroom tool generating a
 * client gets. If the description and the code drift apart, this is what breaks.
 */
class GeneratedClientIT extends IntegrationTest {

    @Test
    void aSourceAndATaggedArticleArePublishedAndReadBackByArabicSlugAndPagedWithTheCursor() throws Exception {
        ApiClient editor = client(editorKey);
        SourceResponse source = new SourcesAdminApi(editor).createSource(new SourceRequest().name("بوابة الوفد").url(URI.create("https://alwafd.news").toString()));
        ArticlesAdminApi articles = new ArticlesAdminApi(editor);
        AdminArticleResponse created = articles.createArticle(new ArticleRequest()
                .headline("باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب")
                .bodyHtml("<p>اتفق البلدان على خطة عمل مشتركة.</p>")
                .sourceId(source.getId())
                .tags(List.of("إيران", "باكستان", "خطة عمل مشتركة")));
        assertThat(created.getStatus()).hasToString("DRAFT");
        java.time.OffsetDateTime until = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(7).withNano(0);
        AdminArticleResponse published = articles.publishArticle(created.getId(), null, new PublishRequest().unpublishAt(until));
        assertThat(published.getStatus()).hasToString("PUBLISHED");
        assertThat(published.getUnpublishAt()).isEqualTo(until);
        for (int i = 0; i < 4; i++) {
            articles.publishArticle(articles.createArticle(new ArticleRequest().headline("خبر إيراني رقم " + i).tags(List.of("إيران"))).getId(), null, null);
        }

        ArticlesContentApi readers = new ArticlesContentApi(client(null));
        ArticleView article = readers.getPublishedArticle(published.getSlug(), null, null);
        assertThat(article.getSlug()).isEqualTo("باكستان-وإيران-تبرمان-خطة-عمل-مشتركة-لمكافحة-الإرهاب");
        assertThat(article.getHeadline()).isEqualTo("باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب");
        assertThat(article.getDirection()).isEqualTo("rtl");
        assertThat(article.getSource().getName()).isEqualTo("بوابة الوفد");
        assertThat(article.getTags()).extracting(TagRef::getName).containsExactly("إيران", "باكستان", "خطة عمل مشتركة");
        assertThat(article.getStructuredData()).containsEntry("@type", "NewsArticle");

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            PagePublicArticle page = readers.listPublishedArticles("إيران", null, null, null, null, null, 2, cursor);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(2);
            page.getItems().stream().map(PublicArticle::getSlug).forEach(walked::add);
            cursor = page.getNext();
        } while (cursor != null);
        assertThat(walked).hasSize(5).doesNotHaveDuplicates().contains(published.getSlug());

        assertThatThrownBy(() -> readers.getPublishedArticle("لا-يوجد", null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"status\":404");
                });
    }

    private ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        }
        return client;
    }
}
