package io.newsroom.content;

import io.newsroom.article.ReaderVisibility;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.text.SearchText;
import io.newsroom.text.Snippets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ranked full-text search over visible articles. The query goes through the same normaliser and
 * clitic peeling as the index (SearchText), so every spelling variant finds the same article;
 * headlines weigh more than bodies because they are indexed first and repeated in the vector.
 */
@Component
public class PublicSearch {

    /** Longer queries are cut here: no reader types more, and tsquery cost grows with terms. */
    public static final int MAX_QUERY_LENGTH = 200;

    /**
     * Only the newest matches are ranked ({@code newsroom.search.ranked-candidates}). Ranking reads each
     * match's whole tsvector, so a word found in most of a large archive would otherwise cost seconds;
     * for news, the best hit is almost always among the most recent few hundred. ts_rank rather than
     * ts_rank_cd: cheaper (no cover search), and as good on the search test set (ArabicSearchQualityIT:
     * 76/77 first with either on the vectors made in Java; on PostgreSQL's own vectors 77/77 against 76/77).
     */
    static final int DEFAULT_RANKED_CANDIDATES = 300;

    public record Hit(PublicArticle article, String snippet, double rank) {
    }

    /**
     * The best {@code :limit} hits; their snippets are made afterwards, from the page's rows only (Snippets).
     * The candidates come from article_search alone, whose visible_at is the article's publication
     * time while readers may see it (migration V7); the hits' articles are then loaded through
     * {@link PublicArticles#byIds}, which checks visibility again. The candidates carry their search
     * vectors, still TOAST pointers, so ranking reads each once rather than fetching the rows again.
     */
    private static final String SEARCH = """
            WITH q AS (SELECT CAST(:q AS tsquery) AS q),
            candidates AS (
              SELECT s.article_id AS id, s.visible_at AS published_at, s.search_vector FROM article_search s, q
              WHERE """ + " " + ReaderVisibility.copyNow("s") + """
                AND s.search_vector @@ q.q
              ORDER BY s.visible_at DESC LIMIT :candidates),
            hits AS (
              SELECT c.id, c.published_at, ts_rank(c.search_vector, q.q, 32)::float8 AS rank
              FROM candidates c, q)
            SELECT id, rank, published_at FROM hits WHERE %s ORDER BY rank DESC, published_at DESC, id DESC LIMIT :limit
            """;
    private static final int SNIPPET_FRAGMENTS = 2;
    private static final int SNIPPET_WORDS = 15;

    private final NamedParameterJdbcTemplate jdbc;
    private final PublicArticles articles;
    private final int rankedCandidates;

    PublicSearch(NamedParameterJdbcTemplate jdbc, PublicArticles articles,
                 @Value("${newsroom.search.ranked-candidates:" + DEFAULT_RANKED_CANDIDATES + "}") int rankedCandidates) {
        if (rankedCandidates < 1) {
            throw new IllegalArgumentException("newsroom.search.ranked-candidates must be at least 1, not " + rankedCandidates);
        }
        this.jdbc = jdbc;
        this.articles = articles;
        this.rankedCandidates = rankedCandidates;
    }

    public Page<Hit> search(String query, int limit, String cursor) {
        String text = query == null ? "" : query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
        String tsquery = SearchText.tsquery(text);
        if (tsquery.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        MapSqlParameterSource params = new MapSqlParameterSource("q", tsquery).addValue("limit", limit + 1)
                .addValue("candidates", rankedCandidates);
        String after = "true";
        if (cursor != null) {
            String[] parts = Cursors.decode(cursor).split("\\|", 2);
            Cursors.TimeAndId position = Cursors.decodeTimeAndId(parts.length == 2 ? parts[1] : "");
            after = "(rank, published_at, id) < (:rank, :afterTime, :afterId)";
            params.addValue("rank", parseRank(parts[0])).addValue("afterTime", Timestamp.from(position.time())).addValue("afterId", position.id());
        }
        String sql = SEARCH.formatted(after);
        List<Row> rows = jdbc.query(sql, params, (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getDouble("rank"),
                rs.getTimestamp("published_at").toInstant()));
        Page<Row> page = Page.of(rows, limit, row -> Cursors.encode(row.rank() + "|" + Cursors.encode(row.publishedAt(), row.id())));
        Map<UUID, PublicArticle> found = articles.byIds(page.items().stream().map(Row::id).toList()).stream()
                .collect(Collectors.toMap(PublicArticle::id, a -> a));
        return new Page<>(page.items().stream().filter(r -> found.containsKey(r.id()))
                .map(r -> hit(found.get(r.id()), text, r.rank())).toList(), page.next());
    }

    private static Hit hit(PublicArticle article, String query, double rank) {
        String body = Snippets.plainText(article.bodyHtml());
        // An excerpt is often the body's opening sentence: searched twice, it made a snippet of one passage twice.
        String excerpt = article.excerpt() == null ? "" : article.excerpt().strip();
        String text = excerpt.isEmpty() || body.contains(excerpt) ? body : excerpt + " " + body;
        return new Hit(article, Snippets.of(text, query, SNIPPET_FRAGMENTS, SNIPPET_WORDS), rank);
    }

    private static double parseRank(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new io.newsroom.problem.InvalidRequestProblem("cursor", "is not a cursor this API returned");
        }
    }

    private record Row(UUID id, double rank, Instant publishedAt) {
    }
}
