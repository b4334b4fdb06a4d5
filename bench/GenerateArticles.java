import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.SearchText;
import io.newsroom.text.Slugs;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a Newsroom database with N published articles for benchmarks: Arabic (80%) and English,
 * 3-8 tags each drawn from a Zipf-distributed vocabulary, bodies of about 2 KB, 20 sources. Rows go
 * in with COPY, in batches, with search vectors made by the application's own SearchText, so
 * search behaves as it does for articles created through the API.
 *
 * Usage (bench/generate.sh wraps it): java -cp <app classpath> bench/GenerateArticles.java JDBC_URL USER PASSWORD N TAGS
 * It also writes bench/data/slugs.txt and bench/data/queries.txt for the load script.
 */
public class GenerateArticles {

    /** Real news text has a Zipfian vocabulary of tens of thousands of words; so does this one. */
    private static final int ARABIC_VOCABULARY = 30_000;
    private static final int ENGLISH_VOCABULARY = 15_000;
    private static final String ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    private static final String[] ARABIC_WORDS = words(ARABIC_VOCABULARY, ARABIC_LETTERS, 3, 7, "ال", new Random(7));
    private static final String[] ENGLISH_WORDS = words(ENGLISH_VOCABULARY, "abcdefghijklmnopqrstuvwxyz", 3, 9, "", new Random(8));
    private static final double[] ARABIC_ZIPF = zipfCdf(ARABIC_VOCABULARY, 1.0);
    private static final double[] ENGLISH_ZIPF = zipfCdf(ENGLISH_VOCABULARY, 1.0);
    /**
     * SEARCH_TEXT=headline indexes headlines only: indexing 2 KB bodies (their vectors, then the GIN
     * index) is much of the load time, and the similar-articles benchmark (bench/similar.sh) does not search.
     */
    private static final boolean HEADLINE_ONLY_SEARCH = "headline".equals(System.getenv("SEARCH_TEXT"));

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int articles = Integer.parseInt(args[3]);
        int tagCount = Integer.parseInt(args[4]);
        Random random = new Random(42);
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, args[1], args[2])) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            UUID[] sources = sources(copy, 20);
            UUID[] tags = tags(copy, tagCount, random);
            double[] tagZipf = zipfCdf(tagCount, 1.0);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("bench/data"));
            // Secondary indexes are built once after the load: far cheaper than maintaining them row by row.
            java.util.List<String> indexes = dropSecondaryIndexes(connection);
            int batch = 5_000;
            java.util.List<java.util.concurrent.Future<String>> batches = new java.util.ArrayList<>();
            java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(2);
            for (int from = 0; from < articles; from += batch) {
                int first = from;
                int last = Math.min(articles, from + batch);
                batches.add(workers.submit(() -> copyBatch(url, args[1], args[2], first, last, articles, now, sources, tags, tagZipf)));
            }
            try (var slugs = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of("bench/data/slugs.txt"))) {
                for (var done : batches) {
                    slugs.write(done.get());
                }
            }
            System.out.printf("rows loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
            java.util.List<java.util.concurrent.Future<?>> builds = new java.util.ArrayList<>();
            for (String index : indexes) {
                builds.add(workers.submit(() -> {
                    try (Connection builder = DriverManager.getConnection(url, args[1], args[2]); Statement statement = builder.createStatement()) {
                        statement.execute("SET maintenance_work_mem = '256MB'");
                        statement.execute(index);
                    }
                    return null;
                }));
            }
            for (var build : builds) {
                build.get();
            }
            workers.shutdown();
            System.out.printf("indexes built in %.1f s%n", (System.nanoTime() - start) / 1e9);
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE"); // visibility map set: index-only scans need no heap visits
                // The load ran without triggers, so it says itself what it changed, as any bulk tool that
                // bypasses them must: running instances empty their response caches and read their
                // similar-articles tag index again (V3 and V10's channels).
                statement.execute("SELECT pg_notify('newsroom_content', 'articles'), pg_notify('newsroom_articles', '*')");
            }
            try (var queries = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of("bench/data/queries.txt"))) {
                // 20,000 queries, so that a benchmark run mostly misses the response cache. Readers search
                // for content words: frequency ranks 100 to 5,000 (the top 100 play the
                // part of function words such as في and من, which nobody searches for alone).
                for (int i = 0; i < 20_000; i++) {
                    String[] words = random.nextInt(10) < 8 ? ARABIC_WORDS : ENGLISH_WORDS;
                    String q = words[100 + random.nextInt(4_900)] + (random.nextBoolean() ? " " + words[100 + random.nextInt(4_900)] : "");
                    queries.write(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
                    queries.newLine();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Generated %d articles with %d tags in %.1f s (%.0f articles/s)%n", articles, tagCount, seconds, articles / seconds);
    }

    /**
     * Drops the indexes of articles and article_tags that back no constraint and returns the
     * statements that recreate them as they were (their definitions come from the migrations).
     */
    private static java.util.List<String> dropSecondaryIndexes(Connection connection) throws Exception {
        java.util.List<String> definitions = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("""
                     SELECT i.indexname, i.indexdef FROM pg_indexes i
                     WHERE i.schemaname = current_schema() AND i.tablename IN ('articles', 'article_tags')
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
            for (String name : names) {
                statement.execute("DROP INDEX " + name);
            }
        }
        // The GIN index is the slowest to build: start it first, so the btrees fill the other connection meanwhile.
        definitions.sort(java.util.Comparator.comparing((String d) -> !d.contains("USING gin")));
        return definitions;
    }

    /**
     * One batch of articles and their tags, by COPY on its own connection; returns the batch's slugs, one a line.
     * The session runs as a replica would (session_replication_role), so no trigger fires row by row:
     * the rows carry what the triggers would have written (the visible_at of article_tags and
     * article_search, V5 and V7), and
     * the foreign keys hold by construction.
     */
    private static String copyBatch(String url, String user, String password, int from, int to, int articles, Instant now,
                                    UUID[] sources, UUID[] tags, double[] tagZipf) throws Exception {
        Random random = new Random(from);
        StringBuilder articleRows = new StringBuilder();
        StringBuilder tagRows = new StringBuilder();
        StringBuilder searchRows = new StringBuilder();
        StringBuilder slugs = new StringBuilder();
        for (int i = from; i < to; i++) {
            boolean arabic = random.nextInt(10) < 8;
            String[] words = arabic ? ARABIC_WORDS : ENGLISH_WORDS;
            double[] zipf = arabic ? ARABIC_ZIPF : ENGLISH_ZIPF;
            String headline = sentence(words, zipf, 6 + random.nextInt(6), random) + " " + i;
            String body = body(words, zipf, random);
            String slug = Slugs.of(headline);
            UUID id = UUID.randomUUID();
            Instant published = now.minusSeconds((long) (articles - i) * 60);
            articleRows.append(id).append('\t').append(slug).append('\t').append(Slugs.key(slug)).append('\t')
                    .append(arabic ? "ar" : "en").append("\tPUBLISHED\t").append(headline).append('\t').append("<p>").append(body).append("</p>\t")
                    .append(body, 0, Math.min(200, body.length())).append('\t')
                    .append(sources[random.nextInt(sources.length)]).append('\t')
                    .append(published).append('\t').append(published).append('\t').append(published).append('\n');
            searchRows.append(id).append('\t').append(published).append('\t')
                    .append(HEADLINE_ONLY_SEARCH ? SearchText.vector(headline) : SearchText.vector(headline, body)).append('\n');
            Set<Integer> chosen = new HashSet<>();
            int n = 3 + random.nextInt(6);
            while (chosen.size() < n) {
                chosen.add(sample(tagZipf, random));
            }
            int position = 0;
            for (int tag : chosen) {
                tagRows.append(id).append('\t').append(position++).append('\t').append(tags[tag]).append('\t').append(published).append('\n');
            }
            slugs.append(java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).append('\n');
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY articles (id, slug, slug_key, language, status, headline, body_html, excerpt, source_id, published_at, "
                    + "created_at, updated_at) FROM STDIN", new StringReader(articleRows.toString()));
            copy.copyIn("COPY article_search (article_id, visible_at, search_vector) FROM STDIN", new StringReader(searchRows.toString()));
            copy.copyIn("COPY article_tags (article_id, position, tag_id, visible_at) FROM STDIN", new StringReader(tagRows.toString()));
        }
        System.out.printf("%d articles%n", to);
        return slugs.toString();
    }

    private static UUID[] sources(CopyManager copy, int count) throws Exception {
        UUID[] ids = new UUID[count];
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID();
            String name = "مصدر " + i;
            String slug = Slugs.of(name) + "-" + ids[i].toString().substring(0, 8);
            rows.append(ids[i]).append('\t').append(name).append('\t').append(slug).append('\t').append(Slugs.key(slug))
                    .append("\thttps://source").append(i).append(".example\tnow()\tnow()\n".replace("now()", Instant.now().toString()));
        }
        copy.copyIn("COPY sources (id, name, slug, slug_key, url, created_at, updated_at) FROM STDIN", new StringReader(rows.toString()));
        return ids;
    }

    private static UUID[] tags(CopyManager copy, int count, Random random) throws Exception {
        UUID[] ids = new UUID[count];
        StringBuilder rows = new StringBuilder();
        String suffix = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID();
            String name = ARABIC_WORDS[i % ARABIC_WORDS.length] + " " + i + suffix;
            String slug = Slugs.of(name);
            rows.append(ids[i]).append('\t').append(name).append('\t').append(slug).append('\t').append(Slugs.key(slug)).append('\t')
                    .append(ArabicNormalizer.key(name)).append('\t').append(Instant.now()).append('\t').append(Instant.now()).append('\n');
        }
        copy.copyIn("COPY tags (id, name, slug, slug_key, normalized_key, created_at, updated_at) FROM STDIN", new StringReader(rows.toString()));
        return ids;
    }

    /** Cumulative Zipf distribution: tag k (from 0) is drawn with probability proportional to 1 / (k + 1)^s. */
    static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    static int sample(double[] cdf, Random random) {
        int index = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return index >= 0 ? index : -index - 1;
    }

    private static String sentence(String[] words, double[] zipf, int length, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(i == 0 ? "" : " ").append(words[sample(zipf, random)]);
        }
        return out.toString();
    }

    private static String body(String[] words, double[] zipf, Random random) {
        StringBuilder out = new StringBuilder();
        while (out.length() < 2000) {
            out.append(sentence(words, zipf, 8 + random.nextInt(8), random)).append(". ");
        }
        return out.toString().strip();
    }

    /** Distinct pseudo-words of the given letters; some Arabic ones carry the article, as in real text. */
    private static String[] words(int count, String letters, int minLength, int maxLength, String article, Random random) {
        Set<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder();
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            for (int i = 0; i < length; i++) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            words.add((!article.isEmpty() && random.nextInt(10) < 3 ? article : "") + word);
        }
        return words.toArray(String[]::new);
    }
}
