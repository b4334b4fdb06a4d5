package io.newsroom.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.PublicAuthors;
import io.newsroom.content.PublicTaxonomy;
import io.newsroom.content.SiteProperties;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.replica.ReaderTransactions;
import io.newsroom.text.CleanText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * RSS 2.0 and Atom 1.0 feeds of the latest 50 published articles: site-wide, per tag, per source and
 * per author. Built with Rome; full bodies travel in {@code content:encoded} (RSS) and {@code content}
 * (Atom), wrapped in an element that carries {@code dir} and {@code lang} so readers render Arabic
 * right to left.
 */
@RestController
@Tag(name = "Feeds", description = "RSS 2.0 and Atom feeds of published articles")
class FeedController {

    static final int SIZE = 50;
    private static final String RSS = "application/rss+xml;charset=UTF-8";
    private static final String ATOM = "application/atom+xml;charset=UTF-8";

    private final ReaderTransactions readers;
    private final PublicArticles articles;
    private final PublicTaxonomy taxonomy;
    private final PublicAuthors authors;
    private final SiteProperties site;
    private final ContentCaching caching;

    FeedController(ReaderTransactions readers, PublicArticles articles, PublicTaxonomy taxonomy, PublicAuthors authors, SiteProperties site,
                   ContentCaching caching) {
        this.readers = readers;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.site = site;
        this.caching = caching;
    }

    @GetMapping(value = "/feeds/rss.xml", produces = RSS)
    @Operation(summary = "Latest 50 articles, RSS 2.0")
    ResponseEntity<String> rss() {
        return readers.read(() -> feed("rss_2.0", RSS, site.name(), new PublicArticles.Filter(null, null, null, null, null), "feeds"));
    }

    @GetMapping(value = "/feeds/atom.xml", produces = ATOM)
    @Operation(summary = "Latest 50 articles, Atom 1.0")
    ResponseEntity<String> atom() {
        return readers.read(() -> feed("atom_1.0", ATOM, site.name(), new PublicArticles.Filter(null, null, null, null, null), "feeds"));
    }

    @GetMapping(value = "/feeds/tags/{slug}/rss.xml", produces = RSS)
    @Operation(summary = "Latest 50 articles with a tag, RSS 2.0")
    ResponseEntity<String> tag(@PathVariable String slug) {
        return readers.read(() -> {
            PublicTaxonomy.PublicTag tag = taxonomy.tag(slug).tag().orElseThrow(() -> new NotFoundProblem("No tag with slug " + slug));
            return feed("rss_2.0", RSS, site.name() + " — " + tag.name(), new PublicArticles.Filter(tag.slug(), null, null, null, null), "tag-" + tag.id());
        });
    }

    @GetMapping(value = "/feeds/sources/{slug}/rss.xml", produces = RSS)
    @Operation(summary = "Latest 50 articles from a source, RSS 2.0")
    ResponseEntity<String> source(@PathVariable String slug) {
        return readers.read(() -> {
            PublicTaxonomy.PublicSource source = taxonomy.source(slug).orElseThrow(() -> new NotFoundProblem("No source with slug " + slug));
            return feed("rss_2.0", RSS, site.name() + " — " + source.name(), new PublicArticles.Filter(null, source.slug(), null, null, null),
                    "source-" + source.id());
        });
    }

    @GetMapping(value = "/feeds/authors/{slug}/rss.xml", produces = RSS)
    @Operation(summary = "Latest 50 articles by an author, RSS 2.0 (only authors with published articles)")
    ResponseEntity<String> authorRss(@PathVariable String slug) {
        return readers.read(() -> authorFeed(slug, "rss_2.0", RSS));
    }

    @GetMapping(value = "/feeds/authors/{slug}/atom.xml", produces = ATOM)
    @Operation(summary = "Latest 50 articles by an author, Atom 1.0 (only authors with published articles)")
    ResponseEntity<String> authorAtom(@PathVariable String slug) {
        return readers.read(() -> authorFeed(slug, "atom_1.0", ATOM));
    }

    private ResponseEntity<String> authorFeed(String slug, String type, String contentType) {
        PublicAuthors.PublicAuthor author = authors.author(slug).author().orElseThrow(() -> new NotFoundProblem("No author with slug " + slug));
        return feed(type, contentType, site.name() + " — " + author.name(), new PublicArticles.Filter(null, null, null, null, null, author.slug()),
                ContentCaching.authorKey(author.id()));
    }

    private ResponseEntity<String> feed(String type, String contentType, String title, PublicArticles.Filter filter, String surrogateKey) {
        List<PublicArticle> items = articles.list(filter, SIZE, null).items();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(xml(title));
        feed.setLink(site.url());
        feed.setUri(site.url() + "/feeds");
        feed.setDescription(xml(title));
        feed.setLanguage(site.language());
        Instant updated = items.stream().map(PublicArticle::updatedAt).max(Comparator.naturalOrder()).orElse(null);
        if (updated != null) {
            feed.setPublishedDate(Date.from(updated));
        }
        feed.setEntries(items.stream().map(this::entry).toList());
        return caching.ok(render(feed, items), updated, List.of("articles", surrogateKey), contentType);
    }

    private SyndEntry entry(PublicArticle a) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(xml(a.headline()));
        entry.setLink(xml(site.articleUrl(a.slug())));
        entry.setUri("urn:uuid:" + a.id());
        entry.setPublishedDate(Date.from(a.publishedAt()));
        entry.setUpdatedDate(Date.from(a.updatedAt()));
        // Atom requires an author: the byline, else the source, else the publication.
        entry.setAuthor(xml(a.byline() != null ? a.byline() : a.source() != null ? a.source().name() : site.name()));
        if (a.excerpt() != null) {
            SyndContent description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(xml(a.excerpt()));
            entry.setDescription(description);
        }
        SyndContent body = new SyndContentImpl();
        body.setType("html");
        body.setValue(xml("<div dir=\"" + a.direction() + "\" lang=\"" + a.language() + "\">" + (a.bodyHtml() == null ? "" : a.bodyHtml()) + "</div>"));
        entry.setContents(List.of(body));
        List<SyndCategory> categories = a.tags().stream().map(t -> {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(xml(t.name()));
            return category;
        }).toList();
        entry.setCategories(categories);
        PublicArticle.ImageRef image = a.image();
        if (image != null) {
            // RSS asks for a length; 0 is the usual "unknown" for a file made on request
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            PublicArticle.RenditionRef largest = image.largest();
            enclosure.setUrl(xml(largest == null ? image.url() : largest.url()));
            enclosure.setType(largest == null ? "image/jpeg" : "image/jpeg");
            enclosure.setLength(0);
            entry.setEnclosures(List.of(enclosure));
        }
        return entry;
    }

    /**
     * Text for the feed without what XML 1.0 forbids: the database may hold rows older than the
     * cleaning of input, and JDOM refuses such characters, which took the whole feed down.
     */
    private static String xml(String text) {
        return CleanText.forXml(text);
    }

    /** Rome builds the document; the root gets xml:lang so that Atom readers know the language too. */
    private String render(SyndFeed feed, List<PublicArticle> items) {
        try {
            Document document = new WireFeedOutput().outputJDom(feed.createWireFeed());
            document.getRootElement().setAttribute("lang", site.language(), Namespace.XML_NAMESPACE);
            MediaRss.addImages(document, items);
            StringWriter out = new StringWriter();
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).output(document, out);
            return out.toString();
        } catch (FeedException | IOException e) {
            throw new IllegalStateException("Could not write the feed", e);
        }
    }

}
