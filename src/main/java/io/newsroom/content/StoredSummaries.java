package io.newsroom.content;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.replica.ReaderTransactions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Articles' summaries as lists show them ({@link PublicArticleSummary}), finished JSON stored in
 * {@code article_summaries} (migration V18), which only this class reads and writes. A similar list
 * then reads its items' documents in one statement and joins their bytes: no tags aggregated in
 * PostgreSQL, no rows mapped and written anew in Java.
 *
 * <p>The rule is the stored renderings' (io.newsroom.content.cache.StoredRenderings), decided by the reading statement:
 * the article is visible now, and its summary was made from its current {@code shown_stamp} (which
 * changes in the very transaction that changes anything its page shows, the summary's fields among
 * them) by code that renders summaries as this code does. A summary shows no other article, so no
 * time limits it. One missing or out of date is made from the summaries statement, with the stamp read
 * in that same statement, and stored for the next list.
 */
@Component
@NamedInterface("api")
public class StoredSummaries {

    private static final Logger log = LoggerFactory.getLogger(StoredSummaries.class);

    /** A visible article as a list shows it: what the similar list's fold reads, and the finished JSON. */
    public record Listed(UUID id, String slug, String headline, UUID sourceId, Instant updatedAt, byte[] json) {
    }

    private static final String FIND = """
            SELECT a.id, a.slug, a.headline, a.source_id, a.updated_at, s.body FROM articles a
            LEFT JOIN article_summaries s ON s.article_id = a.id AND s.shown_stamp = a.shown_stamp AND s.renderer = ?
            WHERE a.id = ANY (?) AND\s""" + PublicArticles.VISIBLE;
    /** A summary from a later state is never replaced by one from an earlier state. */
    private static final String STORE = """
            INSERT INTO article_summaries AS s (article_id, shown_stamp, renderer, body) VALUES (?, ?, ?, ?)
            ON CONFLICT (article_id) DO UPDATE SET shown_stamp = EXCLUDED.shown_stamp, renderer = EXCLUDED.renderer, body = EXCLUDED.body
            WHERE s.shown_stamp <= EXCLUDED.shown_stamp""";
    private static final byte[] ITEMS_START = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ITEMS_END = "]}".getBytes(StandardCharsets.UTF_8);

    private final JdbcTemplate jdbc;
    private final ReaderTransactions readers;
    private final PublicArticles articles;
    private final JsonMapper json;
    private final String renderer;
    private final Counter hits;
    private final Counter misses;

    StoredSummaries(JdbcTemplate jdbc, ReaderTransactions readers, PublicArticles articles, JsonMapper json, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.readers = readers;
        this.articles = articles;
        this.json = json;
        this.renderer = renderer(json);
        // newsroom_summaries_total{result="hit|miss"}: listed summaries read as stored, or made anew
        this.hits = Counter.builder("newsroom.summaries").tag("result", "hit").register(registry);
        this.misses = Counter.builder("newsroom.summaries").tag("result", "miss").register(registry);
    }

    /** What summaries depend on besides the article: the code that writes them ({@link RendererFingerprint}). */
    private static String renderer(JsonMapper json) {
        return RendererFingerprint.of(json, "", PublicArticleSummary::of);
    }

    /**
     * The visible ones among {@code ids}, in the order given, with their summaries' JSON; one statement
     * when all are stored, two more (made and stored) for those that are not.
     */
    public List<Listed> visible(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Listed> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        jdbc.query(FIND, row -> {
            UUID id = row.getObject(1, UUID.class);
            byte[] body = row.getBytes(6);
            if (body == null) {
                missing.add(id);
            } else {
                found.put(id, new Listed(id, row.getString(2), row.getString(3), row.getObject(4, UUID.class),
                        row.getTimestamp(5).toInstant(), body));
            }
        }, renderer, ids.toArray(UUID[]::new));
        hits.increment(found.size());
        if (!missing.isEmpty()) {
            misses.increment(missing.size());
            made(missing).forEach(listed -> found.put(listed.id(), listed));
        }
        List<Listed> listed = new ArrayList<>(found.size());
        for (UUID id : ids) {
            Listed one = found.get(id);
            if (one != null) {
                listed.add(one);
            }
        }
        return listed;
    }

    /** Summaries made from the articles as they are now (one hidden meanwhile is left out), and stored. */
    private List<Listed> made(List<UUID> ids) {
        List<PublicArticles.StampedSummary> summaries = new ArrayList<>(articles.stampedSummariesByIds(ids));
        // in id order: two lists storing the same articles at once take their rows' locks in one order
        summaries.sort(Comparator.comparing(summary -> summary.article().id()));
        List<Listed> made = new ArrayList<>(summaries.size());
        List<Object[]> rows = new ArrayList<>(summaries.size());
        for (PublicArticles.StampedSummary summary : summaries) {
            var article = summary.article();
            byte[] body = json.writeValueAsBytes(PublicArticleSummary.of(article));
            made.add(new Listed(article.id(), article.slug(), article.headline(), article.source() == null ? null : article.source().id(),
                    article.updatedAt(), body));
            rows.add(new Object[] {article.id(), summary.shownStamp(), renderer, body});
        }
        try {
            // on the primary, in a transaction of its own: a reader's list may be read from a read-only replica
            readers.write(() -> jdbc.batchUpdate(STORE, rows));
        } catch (DataAccessException e) {
            // an article deleted meanwhile (its key is gone), the database unreachable, ...: the next list makes it again
            log.debug("Summaries of {} articles not stored: {}", rows.size(), e.getMessage());
        }
        return made;
    }

    /** The JSON object {@code {"items":[...]}} of these summaries, as Jackson would write a record holding their list. */
    public static byte[] itemsObject(List<Listed> items) {
        int length = ITEMS_START.length + ITEMS_END.length + Math.max(0, items.size() - 1);
        for (Listed item : items) {
            length += item.json().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        out.writeBytes(ITEMS_START);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i).json());
        }
        out.writeBytes(ITEMS_END);
        return out.toByteArray();
    }
}
