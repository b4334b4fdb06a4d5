package io.newsroom.demo;

import io.newsroom.article.Announcing;
import io.newsroom.article.Article;
import io.newsroom.article.ArticleContent;
import io.newsroom.article.ArticleImage;
import io.newsroom.article.ArticleRepository;
import io.newsroom.article.ArticleService;
import io.newsroom.article.NewArticle;
import io.newsroom.source.Source;
import io.newsroom.source.SourceService;
import io.newsroom.source.SourceService.SourceDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content of the seed page (shared/seed/000_e307266f50bff4c0.txt): its sources, the main
 * article with tags, sub-heading, quote and captioned image, the read-also article, and the stories
 * of its similar list. Publication times are relative to the load, so the demo always looks current.
 */
@Component
public class DemoContent {

    static final String EXTERNAL_ID_PREFIX = "demo:";
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    /** Bodies link to other demo articles as {{link:key}}; the key becomes that article's content URL. */
    private static final Pattern LINK = Pattern.compile("\\{\\{link:([a-z0-9-]+)}}");

    private final ArticleService articleService;
    private final ArticleRepository articles;
    private final SourceService sources;
    private final JsonMapper json;
    private final Clock clock;

    DemoContent(ArticleService articleService, ArticleRepository articles, SourceService sources, JsonMapper json, Clock clock) {
        this.articleService = articleService;
        this.articles = articles;
        this.sources = sources;
        this.json = json;
        this.clock = clock;
    }

    /** Loads the demo into an empty database; returns false (and changes nothing) on any other. */
    @Transactional
    public boolean load() {
        if (articles.count() > 0) {
            log.info("Demo content not loaded: the database already holds articles");
            return false;
        }
        DemoSeed seed = read();
        Instant now = clock.instant();
        Map<String, Source> sourcesByKey = new HashMap<>();
        for (DemoSeed.DemoSource s : seed.sources()) {
            sourcesByKey.put(s.key(), sources.create(new SourceDetails(s.name(), null, s.url(), null, null)));
        }
        Map<String, Article> articlesByKey = new HashMap<>();
        for (DemoSeed.DemoArticle a : seed.articles()) {
            List<UUID> related = a.related().stream().map(key -> articlesByKey.get(key).getId()).toList();
            Article article = articleService.create(new NewArticle(content(a, sourcesByKey, articlesByKey), a.tags(), related, null,
                    EXTERNAL_ID_PREFIX + a.key()));
            articleService.publish(article.getId(), now.minus(Duration.ofHours(a.publishedHoursAgo())), Announcing.EACH_CHANGE);
            articlesByKey.put(a.key(), article);
        }
        log.info("Demo content loaded: {} sources, {} articles", sourcesByKey.size(), articlesByKey.size());
        return true;
    }

    private ArticleContent content(DemoSeed.DemoArticle a, Map<String, Source> sourcesByKey, Map<String, Article> created) {
        Matcher links = LINK.matcher(a.bodyHtml());
        String body = links.replaceAll(match -> Matcher.quoteReplacement("/api/content/articles/" + created.get(match.group(1)).getSlug()));
        ArticleImage image = a.image() == null ? null : new ArticleImage(a.image().url(), a.image().caption(), a.image().credit());
        return new ArticleContent(a.headline(), a.subheadline(), body, a.excerpt(), null, "ar", sourcesByKey.get(a.source()).getId(), null, image);
    }

    private DemoSeed read() {
        try (InputStream in = new ClassPathResource("demo/seed-content.json").getInputStream()) {
            return json.readValue(in, DemoSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo content is missing from the application", e);
        }
    }
}
