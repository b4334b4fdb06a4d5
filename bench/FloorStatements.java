import io.newsroom.text.SearchText;
import java.lang.reflect.Field;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * Prepares bench/content-floor.sh: pgbench scripts that run the content API's own statements (read
 * from the application's classes, so they never drift from what the service sends) with random
 * arguments taken from helper tables: floor_keys (the id and slug key of every article),
 * floor_queries (the benchmark's search queries as the service turns them into tsqueries) and
 * floor_lists (10,000 lists of 13 articles: what a similar list's fold looks up). For similar lists
 * it also writes the floor of the problem rather than of today's design: floor_summaries, a lab
 * table of every article's summary JSON stored with its shown_stamp (as article_renderings stores
 * pages), read with the visibility and stamp check, and the seed without its tags (the tag index
 * has them).
 *
 * Usage: java -cp <app classpath> bench/FloorStatements.java JDBC_URL QUERIES_FILE OUT_DIR
 * Writes OUT_DIR/by-slug.pgb, search.pgb, similar.pgb and similar-stored.pgb.
 */
public class FloorStatements {

    public static void main(String[] args) throws Exception {
        List<String> queries = Files.readAllLines(Path.of(args[1]));
        Path out = Files.createDirectories(Path.of(args[2]));
        try (Connection connection = DriverManager.getConnection(args[0], "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS floor_keys, floor_queries, floor_lists, floor_summaries");
                statement.execute("CREATE UNLOGGED TABLE floor_keys AS SELECT row_number() OVER () AS n, slug_key, id FROM articles");
                statement.execute("ALTER TABLE floor_keys ADD PRIMARY KEY (n)");
                // 13 articles per list, spread over the archive by a fixed stride (the same lists every run)
                statement.execute("""
                        CREATE UNLOGGED TABLE floor_lists AS
                        SELECT g AS n, ARRAY(SELECT k.id FROM floor_keys k
                                             WHERE k.n IN (SELECT 1 + (g * 7919 + i * 104729) % (SELECT count(*) FROM floor_keys)
                                                           FROM generate_series(1, 13) i)) AS ids
                        FROM generate_series(1, 10000) g""");
                statement.execute("ALTER TABLE floor_lists ADD PRIMARY KEY (n)");
                // what a stored summary would hold: about the fields and size of one item of a similar list
                statement.execute("""
                        CREATE UNLOGGED TABLE floor_summaries AS
                        SELECT a.id, a.shown_stamp, convert_to(json_build_object('id', a.id, 'slug', a.slug, 'language', a.language,
                                 'headline', a.headline, 'subheadline', a.subheadline, 'excerpt', a.excerpt, 'byline', a.byline,
                                 'source', json_build_object('id', s.id, 'name', s.name, 'slug', s.slug, 'url', s.url),
                                 'image', a.image_url, 'publishedAt', a.published_at, 'updatedAt', a.updated_at,
                                 'tags', (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'slug', t.slug) ORDER BY at.position)
                                          FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id))::text, 'UTF8') AS json
                        FROM articles a LEFT JOIN sources s ON s.id = a.source_id""");
                statement.execute("ALTER TABLE floor_summaries ADD PRIMARY KEY (id)");
                statement.execute("CREATE UNLOGGED TABLE floor_queries (n int PRIMARY KEY, q text NOT NULL)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO floor_queries VALUES (?, ?)")) {
                int n = 0;
                for (String query : queries) {
                    String tsquery = SearchText.tsquery(URLDecoder.decode(query, StandardCharsets.UTF_8));
                    if (!tsquery.isEmpty()) {
                        insert.setInt(1, ++n);
                        insert.setString(2, tsquery);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE floor_keys");
                statement.execute("ANALYZE floor_queries");
                statement.execute("ANALYZE floor_lists");
                statement.execute("ANALYZE floor_summaries");
            }
            int keys = count(connection, "floor_keys");
            int tsqueries = count(connection, "floor_queries");
            // The one statement behind GET /api/content/articles/{slug}, for a random article.
            String bySlug = (constant("io.newsroom.content.PublicArticles", "ONE_ARTICLE")
                    + constant("io.newsroom.content.PublicArticles", "VISIBLE") + " AND a.slug_key = :key")
                    .replace(":key", "(SELECT k.slug_key FROM floor_keys k WHERE k.n = :n)");
            Files.writeString(out.resolve("by-slug.pgb"), "\\set n random(1, " + keys + ")\n" + bySlug + ";\n");
            // The ranking statement behind GET /api/content/search?limit=10 (first page), for a random query.
            String search = constant("io.newsroom.content.PublicSearch", "SEARCH").formatted("true")
                    .replace(":q", "(SELECT f.q FROM floor_queries f WHERE f.n = :n)")
                    .replace(":candidates", String.valueOf(constant("io.newsroom.content.PublicSearch", "DEFAULT_RANKED_CANDIDATES")))
                    .replace(":limit", "11");
            Files.writeString(out.resolve("search.pgb"), "\\set n random(1, " + tsqueries + ")\n" + search + ";\n");
            // The similar list of a random article as the service reads it: the seed by slug with its tags
            // and read-also articles, then the summaries of the 13 articles the fold looks up.
            String visible = constant("io.newsroom.content.PublicArticles", "VISIBLE");
            String slugKey = "(SELECT k.slug_key FROM floor_keys k WHERE k.n = :n)";
            String listIds = "(SELECT l.ids FROM floor_lists l WHERE l.n = :m)::uuid[]"; // an array, not a subquery, to ANY
            String seed = constant("io.newsroom.similar.SimilarArticles", "SEED") + visible + " AND a.slug_key = " + slugKey;
            String summaries = "SELECT " + constant("io.newsroom.content.PublicArticles", "SUMMARY_COLUMNS")
                    + constant("io.newsroom.content.PublicArticles", "TAG_COLUMNS_AND_FROM") + " WHERE " + visible + " AND a.id = ANY (" + listIds + ")";
            String arguments = "\\set n random(1, " + keys + ")\n\\set m random(1, 10000)\n";
            Files.writeString(out.resolve("similar.pgb"), arguments + seed + ";\n" + summaries + ";\n");
            // The floor: the seed's row only, and 13 stored summaries, each served only while its article is visible and unchanged.
            String storedSeed = "SELECT a.id, a.slug, a.updated_at FROM articles a WHERE " + visible + " AND a.slug_key = " + slugKey;
            String storedSummaries = "SELECT f.json FROM floor_summaries f JOIN articles a ON a.id = f.id AND a.shown_stamp = f.shown_stamp WHERE "
                    + visible + " AND f.id = ANY (" + listIds + ")";
            Files.writeString(out.resolve("similar-stored.pgb"), arguments + storedSeed + ";\n" + storedSummaries + ";\n");
        }
    }

    private static int count(Connection connection, String table) throws Exception {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String constant(String className, String name) throws Exception {
        Field field = Class.forName(className).getDeclaredField(name);
        field.setAccessible(true);
        return String.valueOf(field.get(null));
    }
}
