package io.newsroom.sitemap;

import io.newsroom.article.ReaderVisibility;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.SiteProperties;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.replica.ReaderTransactions;
import io.newsroom.text.CleanText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sitemaps of published articles: {@code /sitemap.xml} lists them all, or, past 50,000 (the
 * protocol's limit per file), becomes an index of {@code /sitemaps/articles-N.xml} parts; and
 * {@code /sitemap-news.xml} is the Google News sitemap of the last 48 hours.
 */
@RestController
@Tag(name = "Sitemaps", description = "XML sitemaps and the Google News sitemap")
class SitemapController {

    static final int URLS_PER_FILE = 50_000;
    private static final int NEWS_MAX = 1000;
    private static final String XML = "application/xml;charset=UTF-8";
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    /** Google's image sitemap extension: an article's photo, so image search finds it on the article's page. */
    private static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";

    /** A sitemap entry; {@code alternates}, language to slug, lists its published translations with itself (empty alone). */
    private record Entry(String slug, String headline, String language, Instant publishedAt, Instant updatedAt, Map<String, String> alternates,
                         String imageUrl) {
    }

    /** The published members of the article's translation group, itself among them, for hreflang links. */
    private static final String ALTERNATES = """
             LEFT JOIN LATERAL (
              SELECT array_agg(tr.language ORDER BY tr.language) AS alternate_languages, array_agg(tr.slug ORDER BY tr.language) AS alternate_slugs
              FROM articles tr WHERE tr.translation_group = a.translation_group AND """ + " " + ReaderVisibility.articleNow("tr") + """
            ) tl ON true
            """;

    private final ReaderTransactions readers;
    private final NamedParameterJdbcTemplate jdbc;
    private final SiteProperties site;
    private final ContentCaching caching;
    private final int urlsPerFile;

    SitemapController(ReaderTransactions readers, NamedParameterJdbcTemplate jdbc, SiteProperties site, ContentCaching caching,
                      @Value("${newsroom.sitemap.urls-per-file:" + URLS_PER_FILE + "}") int urlsPerFile) {
        this.readers = readers;
        this.jdbc = jdbc;
        this.site = site;
        this.caching = caching;
        this.urlsPerFile = urlsPerFile;
    }

    @GetMapping(value = "/sitemap.xml", produces = XML)
    @Operation(summary = "All published articles, or an index of sitemap parts past 50,000")
    ResponseEntity<String> sitemap() {
        return readers.read(() -> {
            Long count = jdbc.queryForObject("SELECT count(*) FROM articles a WHERE " + PublicArticles.VISIBLE, Map.of(), Long.class);
            if (count != null && count > urlsPerFile) {
                return index(count);
            }
            return part(1);
        });
    }

    @GetMapping(value = "/sitemaps/articles-{part}.xml", produces = XML)
    @Operation(summary = "One part of the sitemap index (numbered from 1)")
    ResponseEntity<String> part(@PathVariable int part) {
        return readers.read(() -> {
            if (part < 1) {
                throw new NotFoundProblem("No sitemap part " + part);
            }
            List<Entry> entries = jdbc.query("SELECT a.slug, a.headline, a.language, a.published_at, a.updated_at, a.image_url,"
                    + " tl.alternate_languages, tl.alternate_slugs FROM articles a " + ALTERNATES + " WHERE "
                    + PublicArticles.VISIBLE + " ORDER BY a.visible_from, a.id OFFSET :offset LIMIT :limit",
                    Map.of("offset", (long) (part - 1) * urlsPerFile, "limit", urlsPerFile), (rs, n) -> entryWithAlternates(rs));
            if (entries.isEmpty() && part > 1) {
                throw new NotFoundProblem("No sitemap part " + part);
            }
            String xml = write(w -> {
                w.writeStartElement("urlset");
                w.writeDefaultNamespace(SITEMAP_NS);
                w.writeNamespace("xhtml", XHTML_NS);
                w.writeNamespace("image", IMAGE_NS);
                for (Entry e : entries) {
                    w.writeStartElement("url");
                    element(w, "loc", site.articleUrl(e.slug()));
                    element(w, "lastmod", e.updatedAt().toString());
                    image(w, e);
                    for (Map.Entry<String, String> alternate : e.alternates().entrySet()) {
                        w.writeEmptyElement("xhtml", "link", XHTML_NS);
                        w.writeAttribute("rel", "alternate");
                        w.writeAttribute("hreflang", alternate.getKey());
                        w.writeAttribute("href", site.articleUrl(alternate.getValue()));
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            });
            return caching.ok(xml, lastModified(entries), List.of("articles", "sitemap"), XML);
        });
    }

    @GetMapping(value = "/sitemap-news.xml", produces = XML)
    @Operation(summary = "Google News sitemap: articles published in the last 48 hours")
    ResponseEntity<String> news() {
        return readers.read(() -> {
            List<Entry> entries = jdbc.query("SELECT a.slug, a.headline, a.language, a.published_at, a.updated_at, a.image_url FROM articles a WHERE "
                    + PublicArticles.VISIBLE + " AND a.visible_from >= now() - interval '48 hours' ORDER BY a.visible_from DESC, a.id DESC LIMIT :limit",
                    Map.of("limit", NEWS_MAX), (rs, n) -> entry(rs));
            String xml = write(w -> {
                w.writeStartElement("urlset");
                w.writeDefaultNamespace(SITEMAP_NS);
                w.writeNamespace("news", NEWS_NS);
                w.writeNamespace("image", IMAGE_NS);
                for (Entry e : entries) {
                    w.writeStartElement("url");
                    element(w, "loc", site.articleUrl(e.slug()));
                    image(w, e);
                    w.writeStartElement("news", "news", NEWS_NS);
                    w.writeStartElement("news", "publication", NEWS_NS);
                    newsElement(w, "name", site.name());
                    newsElement(w, "language", newsLanguage(e.language()));
                    w.writeEndElement();
                    newsElement(w, "publication_date", e.publishedAt().toString());
                    newsElement(w, "title", e.headline());
                    w.writeEndElement();
                    w.writeEndElement();
                }
                w.writeEndElement();
            });
            return caching.ok(xml, lastModified(entries), List.of("articles", "sitemap-news"), XML);
        });
    }

    private ResponseEntity<String> index(long count) {
        long parts = (count + urlsPerFile - 1) / urlsPerFile;
        Instant lastModified = jdbc.queryForObject("SELECT max(a.updated_at) FROM articles a WHERE " + PublicArticles.VISIBLE, Map.of(), Instant.class);
        String xml = write(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (long part = 1; part <= parts; part++) {
                w.writeStartElement("sitemap");
                element(w, "loc", site.url() + "/sitemaps/articles-" + part + ".xml");
                w.writeEndElement();
            }
            w.writeEndElement();
        });
        return caching.ok(xml, lastModified, List.of("articles", "sitemap"), XML);
    }

    /** Google News wants ISO 639 codes, with zh-cn and zh-tw as the only regional ones. */
    private static String newsLanguage(String language) {
        String lower = language.toLowerCase();
        return lower.startsWith("zh-") ? lower : lower.split("-")[0];
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getString("slug"), rs.getString("headline"), rs.getString("language"),
                rs.getTimestamp("published_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), Map.of(), rs.getString("image_url"));
    }

    /** An entry with its hreflang alternates, from a query joined with {@link #ALTERNATES}. */
    private static Entry entryWithAlternates(java.sql.ResultSet rs) throws java.sql.SQLException {
        Entry entry = entry(rs);
        java.sql.Array languages = rs.getArray("alternate_languages");
        if (languages == null) {
            return entry;
        }
        String[] language = (String[]) languages.getArray();
        String[] slug = (String[]) rs.getArray("alternate_slugs").getArray();
        if (language.length < 2) {
            return entry; // only itself still visible: no alternates to point at
        }
        Map<String, String> alternates = new java.util.LinkedHashMap<>();
        for (int i = 0; i < language.length; i++) {
            alternates.put(language[i], slug[i]);
        }
        return new Entry(entry.slug(), entry.headline(), entry.language(), entry.publishedAt(), entry.updatedAt(), alternates, entry.imageUrl());
    }

    private static void image(javax.xml.stream.XMLStreamWriter w, Entry e) throws javax.xml.stream.XMLStreamException {
        if (e.imageUrl() == null) {
            return;
        }
        w.writeStartElement("image", "image", IMAGE_NS);
        w.writeStartElement("image", "loc", IMAGE_NS);
        w.writeCharacters(CleanText.forXml(e.imageUrl()));
        w.writeEndElement();
        w.writeEndElement();
    }

    private static Instant lastModified(List<Entry> entries) {
        return entries.stream().map(Entry::updatedAt).max(Comparator.naturalOrder()).orElse(null);
    }

    // Every text written goes through CleanText.forXml: the database may hold what XML 1.0 cannot
    // carry (rows older than the cleaning of input), and one such character would make the whole file unreadable.
    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(CleanText.forXml(text));
        w.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement("news", name, NEWS_NS);
        w.writeCharacters(CleanText.forXml(text));
        w.writeEndElement();
    }

    @FunctionalInterface
    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String write(XmlBody body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the sitemap", e);
        }
    }
}
