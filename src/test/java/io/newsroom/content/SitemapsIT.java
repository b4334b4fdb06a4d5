package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.demo.DemoContent;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;

class SitemapsIT extends IntegrationTest {

    @Autowired
    DemoContent demo;

    @BeforeEach
    void seed() {
        demo.load();
    }

    @Test
    void sitemapListsEveryPublishedArticle() throws Exception {
        Api.Result result = api.get("/sitemap.xml");
        assertThat(result.header("Content-Type")).startsWith("application/xml");
        Document xml = parse(result.body());
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url").getLength()).isEqualTo(13);
        assertThat(xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "lastmod").getLength()).isEqualTo(13);
    }

    @Test
    void newsSitemapHasTheLastFortyEightHoursWithPublicationAndLanguage() throws Exception {
        jdbc.update("UPDATE articles SET published_at = now() - interval '3 days' WHERE external_id = 'demo:rwanda-bill'");
        Document xml = parse(api.get("/sitemap-news.xml").body());
        String news = "http://www.google.com/schemas/sitemap-news/0.9";
        assertThat(xml.getElementsByTagNameNS(news, "news").getLength()).isEqualTo(12);
        assertThat(xml.getElementsByTagNameNS(news, "name").item(0).getTextContent()).isEqualTo("Newsroom");
        assertThat(xml.getElementsByTagNameNS(news, "language").item(0).getTextContent()).isEqualTo("ar");
        assertThat(xml.getElementsByTagNameNS(news, "title").item(0).getTextContent()).isEqualTo("باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
