package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newsroom.demo.DemoContent;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.io.StringReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FeedsIT extends IntegrationTest {

    @Autowired
    DemoContent demo;

    @BeforeEach
    void seed() {
        demo.load();
    }

    @Test
    void rssFeedParsesBackWithFullArabicContent() throws Exception {
        Api.Result result = api.get("/feeds/rss.xml");
        assertThat(result.header("Content-Type")).startsWith("application/rss+xml");
        assertThat(result.body()).contains("xml:lang=\"ar\"", "<language>ar</language>", "content:encoded");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(result.body()));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getEntries()).hasSize(13);
        SyndEntry newest = feed.getEntries().get(0);
        assertThat(newest.getTitle()).isEqualTo("باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب");
        assertThat(newest.getContents().get(0).getValue()).startsWith("<div dir=\"rtl\" lang=\"ar\">").contains("<figcaption>");
        assertThat(newest.getCategories()).extracting(c -> c.getName()).contains("خطة عمل مشتركة");
        assertThat(newest.getLink()).startsWith("http://localhost:8080/api/content/articles/%D8%A8");
    }

    @Test
    void atomFeedParsesBack() throws Exception {
        Api.Result result = api.get("/feeds/atom.xml");
        assertThat(result.header("Content-Type")).startsWith("application/atom+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(result.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(result.body()).contains("xml:lang=\"ar\"");
        assertThat(feed.getEntries()).hasSize(13);
        assertThat(feed.getEntries().get(0).getContents().get(0).getValue()).contains("dir=\"rtl\"");
        assertThat(feed.getEntries().get(0).getAuthors()).isNotEmpty();
    }

    @Test
    void tagAndSourceFeedsHoldOnlyTheirArticles() throws Exception {
        SyndFeed tag = new SyndFeedInput().build(new StringReader(api.get("/feeds/tags/" + ContentArticlesIT.enc("إيران") + "/rss.xml").body()));
        assertThat(tag.getEntries()).hasSize(3);
        SyndFeed source = new SyndFeedInput().build(new StringReader(api.get("/feeds/sources/" + ContentArticlesIT.enc("نوفوستي") + "/rss.xml").body()));
        assertThat(source.getEntries()).hasSize(2);
        assertThat(api.get("/feeds/tags/unknown/rss.xml").status()).isEqualTo(404);
    }

    @Test
    void feedsHoldTheLatestFifty() throws Exception {
        for (int i = 0; i < 40; i++) {
            ArticleFixtures.publishedId(api.as(editorKey), "خبر رقم " + i);
        }
        SyndFeed feed = new SyndFeedInput().build(new StringReader(api.get("/feeds/rss.xml").body()));
        assertThat(feed.getEntries()).hasSize(50);
        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("خبر رقم 39");
    }
}
