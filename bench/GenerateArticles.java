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
 * in with COPY, in batches, with search text computed by the application's own SearchText, so
 * search behaves as it does for articles created through the API.
 *
 * Usage (bench/generate.sh wraps it): java -cp <app classpath> bench/GenerateArticles.java JDBC_URL USER PASSWORD N TAGS
 * It also writes bench/data/slugs.txt and bench/data/queries.txt for the load script.
 */
public class GenerateArticles {

    private static final String[] ARABIC_WORDS = ("الحكومة وزير الرئيس البرلمان الاقتصاد السوق الأسعار النفط الذهب الطاقة المدينة القرية "
            + "المدرسة الجامعة المعلمون الطلاب الصحة المستشفى الطبيب المرضى الأمن الشرطة الحدود الجيش السلام الحرب الاتفاق الخطة "
            + "المشروع القانون المحكمة القاضي الانتخابات الحزب المعارضة الشعب المواطنون الفلاحون القمح المياه النهر البحر الطقس المطر "
            + "العاصفة الزلزال الحادث الحافلة الطريق السيارة القطار المطار الطائرة السياحة الفندق الثقافة الكتاب المكتبة المسرح الفيلم "
            + "الموسيقى الرياضة المنتخب المباراة الهدف الملعب البطولة الفوز الخسارة التكنولوجيا الهاتف الإنترنت الشركة المصنع العمال "
            + "الرواتب الضرائب الميزانية البنك العملة الدولار التجارة التصدير الاستيراد الزراعة البيئة المناخ التلوث الغابات الطاقة_الشمسية "
            + "مكافحة الإرهاب إيران باكستان مصر المغرب الجزائر تونس السعودية الإمارات قطر الكويت العراق سوريا لبنان الأردن فلسطين اليمن "
            + "روسيا الصين الهند تركيا بريطانيا فرنسا ألمانيا أمريكا أفريقيا أوروبا آسيا اجتماع قمة زيارة مؤتمر تقرير دراسة إحصائية "
            + "ارتفاع انخفاض تراجع نمو أزمة حل تعاون مشترك جديد قديم كبير صغير عاجل رسمي").replace("_", " ").split(" ");
    private static final String[] ENGLISH_WORDS = ("government minister president parliament economy market prices oil gold energy city "
            + "village school university teachers students health hospital doctor patients security police border army peace war "
            + "agreement plan project law court judge elections party opposition people citizens farmers wheat water river sea weather "
            + "rain storm earthquake accident bus road car train airport aircraft tourism hotel culture book library theatre film music "
            + "sport team match goal stadium championship win loss technology phone internet company factory workers wages taxes budget "
            + "bank currency dollar trade export import agriculture environment climate pollution forests").split(" ");

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
            double[] zipf = zipfCdf(tagCount, 1.0);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("bench/data"));
            try (var slugs = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of("bench/data/slugs.txt"))) {
                int batch = 5_000;
                for (int from = 0; from < articles; from += batch) {
                    StringBuilder articleRows = new StringBuilder();
                    StringBuilder tagRows = new StringBuilder();
                    for (int i = from; i < Math.min(articles, from + batch); i++) {
                        boolean arabic = random.nextInt(10) < 8;
                        String[] words = arabic ? ARABIC_WORDS : ENGLISH_WORDS;
                        String headline = sentence(words, 6 + random.nextInt(6), random) + " " + i;
                        String body = body(words, random);
                        String slug = Slugs.of(headline);
                        UUID id = UUID.randomUUID();
                        Instant published = now.minusSeconds((long) (articles - i) * 60);
                        String language = arabic ? "ar" : "en";
                        String bodyHtml = "<p>" + body + "</p>";
                        articleRows.append(id).append('\t').append(slug).append('\t').append(Slugs.key(slug)).append('\t')
                                .append(language).append("\tPUBLISHED\t").append(headline).append('\t').append(bodyHtml).append('\t')
                                .append(body, 0, Math.min(200, body.length())).append('\t')
                                .append(sources[random.nextInt(sources.length)]).append('\t')
                                .append(published).append('\t').append(published).append('\t').append(published).append('\t')
                                .append(SearchText.index(headline, body)).append('\n');
                        Set<Integer> chosen = new HashSet<>();
                        int n = 3 + random.nextInt(6);
                        while (chosen.size() < n) {
                            chosen.add(sample(zipf, random));
                        }
                        int position = 0;
                        for (int tag : chosen) {
                            tagRows.append(id).append('\t').append(position++).append('\t').append(tags[tag]).append('\n');
                        }
                        slugs.write(java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
                        slugs.newLine();
                    }
                    copy.copyIn("COPY articles (id, slug, slug_key, language, status, headline, body_html, excerpt, source_id, published_at, "
                            + "created_at, updated_at, search_text) FROM STDIN", new StringReader(articleRows.toString()));
                    copy.copyIn("COPY article_tags (article_id, position, tag_id) FROM STDIN", new StringReader(tagRows.toString()));
                    System.out.printf("%d articles%n", Math.min(articles, from + batch));
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            try (var queries = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of("bench/data/queries.txt"))) {
                for (int i = 0; i < 200; i++) {
                    String[] words = random.nextInt(10) < 8 ? ARABIC_WORDS : ENGLISH_WORDS;
                    String q = words[random.nextInt(words.length)] + (random.nextBoolean() ? " " + words[random.nextInt(words.length)] : "");
                    queries.write(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
                    queries.newLine();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Generated %d articles with %d tags in %.1f s (%.0f articles/s)%n", articles, tagCount, seconds, articles / seconds);
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

    private static String sentence(String[] words, int length, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return out.toString();
    }

    private static String body(String[] words, Random random) {
        StringBuilder out = new StringBuilder();
        while (out.length() < 2000) {
            out.append(sentence(words, 8 + random.nextInt(8), random)).append(". ");
        }
        return out.toString().strip();
    }
}
