package io.newsroom.content.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.content.CacheProperties;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.NewsArticleJsonLd;
import io.newsroom.content.NinjsDocument;
import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.RendererFingerprint;
import io.newsroom.content.SiteProperties;
import io.newsroom.content.web.ArticleView;
import io.newsroom.replica.ReaderTransactions;
import io.newsroom.text.Slugs;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The finished public representations of articles (the JSON view with its JSON-LD, and ninjs), with
 * their ETags and headers, stored in {@code article_renderings} (migration V16), which only this class
 * reads and writes. An article by slug is then one indexed read returning bytes.
 *
 * <p>What makes a stored rendering safe to serve is decided by the reading statement, at read time:
 * the article is visible now ({@link PublicArticles#VISIBLE}), the rendering was made from the
 * article's current {@code shown_stamp} (the database gives the article a new one in the very
 * transaction that changes anything its page shows), no read-also article, translation or story member
 * has appeared or disappeared by time since ({@code valid_until}), and it was made by code that renders
 * as this code does, with these settings ({@link #renderer}). A rendering is written after a computed response, with the stamp
 * that response was read with; one made from a state that has changed meanwhile is never served.
 */
@Component
public class StoredRenderings {

    /** The request attribute by which the article controller says what a response was rendered from. */
    static final String RENDERED_FROM = StoredRenderings.class.getName() + ".renderedFrom";

    private static final Logger log = LoggerFactory.getLogger(StoredRenderings.class);

    /** What a computed by-slug response was rendered from: what its stored copy must record. */
    record RenderedFrom(UUID articleId, long shownStamp, Instant validUntil) {
    }

    /** A stored representation that may be served now. {@code body} is null when it was not asked for. */
    record Hit(String slug, String etag, long lastModified, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /** The two representations of an article: their columns. */
    enum Form {
        JSON("json"), NINJS("ninjs");

        final String find;
        final String findValidators;
        final String store;

        Form(String column) {
            String select = "SELECT a.slug, r.%1$s_etag, r.last_modified, r.%1$s_headers%2$s FROM articles a "
                    + "JOIN article_renderings r ON r.article_id = a.id AND r.shown_stamp = a.shown_stamp "
                    + "WHERE a.slug_key = ? AND " + PublicArticles.VISIBLE + " AND r.renderer = ? AND r.%1$s IS NOT NULL "
                    + "AND (r.valid_until IS NULL OR r.valid_until > now())";
            this.find = select.formatted(column, ", r." + column);
            this.findValidators = select.formatted(column, "");
            String other = column.equals("json") ? "ninjs" : "json";
            // The other form is kept only when it was made from the same state by the same renderer.
            this.store = """
                    INSERT INTO article_renderings AS r (article_id, shown_stamp, renderer, valid_until, last_modified, %1$s, %1$s_etag, %1$s_headers)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (article_id) DO UPDATE SET
                      %2$s = CASE WHEN %3$s THEN r.%2$s END, %2$s_etag = CASE WHEN %3$s THEN r.%2$s_etag END,
                      %2$s_headers = CASE WHEN %3$s THEN r.%2$s_headers END,
                      %1$s = EXCLUDED.%1$s, %1$s_etag = EXCLUDED.%1$s_etag, %1$s_headers = EXCLUDED.%1$s_headers,
                      shown_stamp = EXCLUDED.shown_stamp, renderer = EXCLUDED.renderer, valid_until = EXCLUDED.valid_until,
                      last_modified = EXCLUDED.last_modified
                    WHERE r.shown_stamp <= EXCLUDED.shown_stamp"""
                    .formatted(column, other, "(r.shown_stamp = EXCLUDED.shown_stamp AND r.renderer = EXCLUDED.renderer)");
        }
    }

    private final JdbcTemplate jdbc;
    private final ReaderTransactions readers;
    private final String renderer;
    private final Counter hits;
    private final Counter misses;

    StoredRenderings(JdbcTemplate jdbc, ReaderTransactions readers, SiteProperties site, CacheProperties caching, JsonMapper json,
                     MeterRegistry registry) {
        this.jdbc = jdbc;
        this.readers = readers;
        this.renderer = renderer(site, caching, json);
        log.info("Stored renderings: this instance renders as {} (renderings made otherwise are rendered anew when asked for)", renderer);
        // newsroom_renderings_total{result="hit|miss"}: by-slug requests answered from a stored rendering, or computed
        this.hits = Counter.builder("newsroom.renderings").tag("result", "hit").register(registry);
        this.misses = Counter.builder("newsroom.renderings").tag("result", "miss").register(registry);
    }

    /**
     * What a rendering depends on besides the article ({@link RendererFingerprint}): the site and
     * caching settings (names, URLs, Cache-Control), and the code that renders the JSON view and
     * ninjs. A new instance, or a release that changed something else, starts with the archive
     * already rendered.
     */
    private static String renderer(SiteProperties site, CacheProperties caching, JsonMapper json) {
        // what Cache-Control is made of, not the response cache's own settings
        // (and which headers name its keys: renderings stored before a CDN's header was added are made anew)
        String settings = site + "|" + caching.maxAge() + "|" + caching.staleWhileRevalidate() + "|" + caching.staleIfError() + "|"
                + ContentCaching.TAG_HEADERS + "|";
        return RendererFingerprint.of(json, settings, sample -> new ArticleView(sample, NewsArticleJsonLd.of(sample, site)),
                sample -> NinjsDocument.of(sample, site));
    }

    /**
     * The stored rendering of the visible article under {@code slug} (any spelling variant; the
     * caller compares the current slug), if one may be served now; with its body or only its validators.
     */
    Optional<Hit> find(String slug, Form form, boolean withBody) {
        List<Hit> found = readers.read(() -> jdbc.query(withBody ? form.find : form.findValidators, (rs, n) -> new Hit(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3).getTime(), ResponseHeaders.fromText(rs.getString(4)), withBody ? rs.getBytes(5) : null),
                Slugs.key(slug), renderer));
        (found.isEmpty() ? misses : hits).increment();
        return found.stream().findFirst();
    }

    /**
     * Keeps a computed representation, unless a rendering from a later state is already stored. A
     * failure costs only the next request's work: it is logged, never the response's. Written on the
     * primary, also when readers read a replica.
     */
    void store(RenderedFrom from, Form form, byte[] body, String etag, long lastModified, List<Map.Entry<String, String>> headers) {
        try {
            readers.write(() -> jdbc.update(form.store, from.articleId(), from.shownStamp(), renderer,
                    from.validUntil() == null ? null : Timestamp.from(from.validUntil()), new Timestamp(lastModified),
                    body, etag, ResponseHeaders.toText(headers)));
        } catch (DataAccessException e) {
            // the article deleted meanwhile (its key is gone), the database unreachable, ...
            log.debug("A rendering of article {} was not stored: {}", from.articleId(), e.getMessage());
        }
    }

    /** Said by the article controller of the response it computed for {@code request}. */
    public static void renderedFrom(HttpServletRequest request, PublicArticles.Rendered rendered) {
        request.setAttribute(RENDERED_FROM, new RenderedFrom(rendered.article().id(), rendered.shownStamp(), rendered.changesAt()));
    }
}
