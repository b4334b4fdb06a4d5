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
 * arguments taken from two helper tables: floor_keys (the slug key of every article) and
 * floor_queries (the benchmark's search queries as the service turns them into tsqueries).
 *
 * Usage: java -cp <app classpath> bench/FloorStatements.java JDBC_URL QUERIES_FILE OUT_DIR
 * Writes OUT_DIR/by-slug.pgb and OUT_DIR/search.pgb.
 */
public class FloorStatements {

    public static void main(String[] args) throws Exception {
        List<String> queries = Files.readAllLines(Path.of(args[1]));
        Path out = Files.createDirectories(Path.of(args[2]));
        try (Connection connection = DriverManager.getConnection(args[0], "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS floor_keys, floor_queries");
                statement.execute("CREATE UNLOGGED TABLE floor_keys AS SELECT row_number() OVER () AS n, slug_key FROM articles");
                statement.execute("ALTER TABLE floor_keys ADD PRIMARY KEY (n)");
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
            }
            int keys = count(connection, "floor_keys");
            int tsqueries = count(connection, "floor_queries");
            // The one statement behind GET /api/content/articles/{slug}, for a random article.
            String bySlug = constant("io.newsroom.content.PublicArticles", "ONE_ARTICLE")
                    .replace(":key", "(SELECT k.slug_key FROM floor_keys k WHERE k.n = :n)");
            Files.writeString(out.resolve("by-slug.pgb"), "\\set n random(1, " + keys + ")\n" + bySlug + ";\n");
            // The ranking statement behind GET /api/content/search?limit=10 (first page), for a random query.
            String search = constant("io.newsroom.content.PublicSearch", "SEARCH").formatted("true")
                    .replace(":q", "(SELECT f.q FROM floor_queries f WHERE f.n = :n)")
                    .replace(":candidates", String.valueOf(constant("io.newsroom.content.PublicSearch", "DEFAULT_RANKED_CANDIDATES")))
                    .replace(":limit", "11");
            Files.writeString(out.resolve("search.pgb"), "\\set n random(1, " + tsqueries + ")\n" + search + ";\n");
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
