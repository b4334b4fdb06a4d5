package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.demo.DemoContent;
import io.newsroom.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

/** With more URLs than one sitemap file may hold (lowered to 5 here), /sitemap.xml becomes an index. */
// Closed after the class: a context left in the cache would keep its scheduling job and webhook worker running
// against the shared database while other classes test them.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "newsroom.sitemap.urls-per-file=5")
class SitemapIndexIT extends IntegrationTest {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Autowired
    DemoContent demo;

    @Test
    void pastTheLimitTheSitemapIsAnIndexOfParts() throws Exception {
        demo.load();
        Document index = SitemapsIT.parse(api.get("/sitemap.xml").body());
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getElementsByTagNameNS(NS, "sitemap").getLength()).isEqualTo(3);
        int urls = 0;
        for (int part = 1; part <= 3; part++) {
            urls += SitemapsIT.parse(api.get("/sitemaps/articles-" + part + ".xml").body()).getElementsByTagNameNS(NS, "url").getLength();
        }
        assertThat(urls).isEqualTo(13);
        assertThat(api.get("/sitemaps/articles-4.xml").status()).isEqualTo(404);
    }
}
