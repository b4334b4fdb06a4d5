package io.newsroom.demo;

import java.util.List;

/** The shape of demo/seed-content.json. */
record DemoSeed(String origin, List<DemoSource> sources, List<DemoArticle> articles) {

    record DemoSource(String key, String name, String url) {
    }

    record DemoImage(String url, String caption, String credit) {
    }

    record DemoArticle(String key, String headline, String subheadline, String excerpt, String source,
                       List<String> tags, DemoImage image, List<String> related, int publishedHoursAgo,
                       String bodyHtml) {

        DemoArticle {
            tags = tags == null ? List.of() : tags;
            related = related == null ? List.of() : related;
        }
    }
}
