package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newsroom.support.Api;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.NinjsFixtures;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * Text pasted from Word and PDFs, wire copy and other publishers' feeds: every class of stray
 * character in every kind of field, all published. Feeds and sitemaps stay well-formed, content
 * endpoints answer, and no name, slug or key holds any of them.
 */
class TextFromOutsideIT extends IntegrationTest {

    /** One entry per class of character, each published in an article of its own. */
    private static Map<String, String> characterClasses() {
        Map<String, String> classes = new LinkedHashMap<>();
        for (char c = 0; c < 0x20; c++) {
            classes.put(String.format("C0 U+%04X", (int) c), String.valueOf(c));
        }
        classes.put("DEL", "\u007F");
        for (char c = 0x80; c <= 0x9F; c++) {
            classes.put(String.format("C1 U+%04X", (int) c), String.valueOf(c));
        }
        classes.put("noncharacters", "\uFDD0\uFDEF\uFFFE\uFFFF\uD83F\uDFFF");
        classes.put("lone surrogates", "\uDFFF\uD800");
        classes.put("byte-order mark", "\uFEFF");
        classes.put("marks inside words", "\u200B\u200C\u200D\u200E\u200F\u202B\u202C\u2066\u2069\u061C\u00AD");
        classes.put("presentation forms", "\uFEFB\uFE8D\uFB90");
        return classes;
    }

    @Test
    void everyClassOfStrayCharacterIsCleanedAndFeedsAndSitemapsStayWellFormed() throws Exception {
        Api editor = api.as(editorKey);
        String sourceId = editor.post("/api/admin/sources", Map.of("name", "بوابة\u0007 الوفد\u200F\uFEFF")).json().get("id").asString();
        List<String> slugs = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> entry : characterClasses().entrySet()) {
            String bad = entry.getValue();
            n++;
            String body = "{"
                    + "\"headline\": " + raw("خبر" + bad + " عاجل " + n) + ","
                    + "\"subheadline\": " + raw("عنوان" + bad + " فرعي") + ","
                    + "\"excerpt\": " + raw("مقتطف" + bad + "\nثان") + ","
                    + "\"bodyHtml\": " + raw("<p>نص" + bad + " المقال</p><blockquote>قول" + bad + "</blockquote>") + ","
                    + "\"byline\": " + raw("كاتب" + bad) + ","
                    + "\"sourceId\": \"" + sourceId + "\","
                    + "\"image\": {\"url\": \"https://example.com/i.jpg\", \"caption\": " + raw("صورة" + bad) + ", \"credit\": " + raw("مصور" + bad) + "},"
                    + "\"tags\": [" + raw("وسم" + bad + n) + ", " + raw(bad + "إيران" + bad) + "]"
                    + "}";
            Api.Result created = editor.post("/api/admin/articles", body);
            assertThat(created.status()).as(entry.getKey() + ": " + created).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(editor.post("/api/admin/articles/" + id + "/publish", null).status()).as(entry.getKey()).isEqualTo(200);
            JsonNode article = editor.get("/api/admin/articles/" + id).json();
            boolean display = entry.getKey().equals("presentation forms") || entry.getKey().equals("marks inside words");
            assertThat(article.get("headline").asString()).as(entry.getKey() + ": display text keeps what was typed, minus what no text may hold")
                    .isEqualTo(display ? "خبر" + bad + " عاجل " + n : "خبر عاجل " + n);
            slugs.add(article.get("slug").asString());
        }

        for (String feed : List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/tags/" + ContentArticlesIT.enc("إيران") + "/rss.xml",
                "/feeds/sources/" + ContentArticlesIT.enc("بوابة-الوفد") + "/rss.xml")) {
            Api.Result result = api.get(feed);
            assertThat(result.status()).as(feed + " " + result).isEqualTo(200);
            parseStrictly(feed, result.body());
            SyndFeed parsed = new SyndFeedInput().build(new StringReader(result.body()));
            assertThat(parsed.getEntries()).as(feed).isNotEmpty();
        }
        for (String sitemap : List.of("/sitemap.xml", "/sitemap-news.xml")) {
            Api.Result result = api.get(sitemap);
            assertThat(result.status()).as(sitemap).isEqualTo(200);
            parseStrictly(sitemap, result.body());
            assertThat(result.body().split("<url>", -1)).as(sitemap + ": every article listed").hasSize(slugs.size() + 1);
        }
        List<String> endpoints = new ArrayList<>(List.of("/api/content/articles?limit=100", "/api/content/tags", "/api/content/sources",
                "/api/content/search?q=" + ContentArticlesIT.enc("عاجل"), "/api/content/tags/" + ContentArticlesIT.enc("إيران"),
                "/api/content/sources/" + ContentArticlesIT.enc("بوابة-الوفد")));
        for (String slug : slugs) {
            endpoints.add("/api/content/articles/" + ContentArticlesIT.enc(slug));
            endpoints.add("/api/content/articles/" + ContentArticlesIT.enc(slug) + "/similar");
            endpoints.add("/api/content/articles/" + ContentArticlesIT.enc(slug) + "?format=ninjs");
        }
        for (String endpoint : endpoints) {
            Api.Result result = api.get(endpoint);
            assertThat(result.status()).as(endpoint + " " + result).isEqualTo(200);
            result.json();
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags WHERE normalized_key = 'ايران'", Integer.class))
                .as("the same tag name with stray marks around it is one tag").isOne();
        List<String> names = new ArrayList<>();
        names.addAll(jdbc.queryForList("SELECT name FROM tags UNION ALL SELECT slug FROM tags UNION ALL SELECT slug_key FROM tags"
                + " UNION ALL SELECT normalized_key FROM tags", String.class));
        names.addAll(jdbc.queryForList("SELECT name FROM sources UNION ALL SELECT slug FROM sources UNION ALL SELECT slug_key FROM sources", String.class));
        names.addAll(jdbc.queryForList("SELECT slug FROM articles UNION ALL SELECT slug_key FROM articles", String.class));
        for (String name : names) {
            name.codePoints().forEach(cp -> assertThat(isStray(cp)).as("U+%04X in name, slug or key '%s'", cp, name).isFalse());
        }
        for (String text : jdbc.queryForList("SELECT concat_ws(' ', headline, subheadline, excerpt, body_html, byline, image_caption,"
                + " image_credit) FROM articles", String.class)) {
            text.codePoints().forEach(cp -> assertThat(cp < 0x20 && cp != '\n' && cp != '\t' || (cp >= 0x7F && cp <= 0x9F)
                    || cp == 0xFEFF || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)).as("U+%04X in '%s'", cp, text).isFalse());
        }
    }

    @Test
    void feedsAndSitemapsStayWellFormedWhateverTheDatabaseHolds() throws Exception {
        // A row written around the API (an old row, a script): what XML 1.0 forbids is left out of the files.
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO articles (id, slug, slug_key, language, status, headline, body_html, excerpt, byline, published_at,"
                + " created_at, updated_at) VALUES (?, 'raw', 'raw', 'ar', 'PUBLISHED', ?, ?, ?, ?, now(), now(), now())", id,
                "خبر\u0001\u0008\uFFFE قديم", "<p>نص\u000B\u001F</p>", "مقتطف\u0002", "كاتب\uFFFF");
        jdbc.update("INSERT INTO article_search (article_id, search_vector) VALUES (?, '')", id);
        for (String path : List.of("/feeds/rss.xml", "/feeds/atom.xml", "/sitemap.xml", "/sitemap-news.xml")) {
            Api.Result result = api.get(path);
            assertThat(result.status()).as(path + " " + result).isEqualTo(200);
            parseStrictly(path, result.body());
            assertThat(result.body()).as(path).contains(path.contains("feeds") ? "خبر قديم" : "/raw");
        }
        new SyndFeedInput().build(new StringReader(api.get("/feeds/rss.xml").body()));
        assertThat(api.get("/api/content/articles/raw").status()).isEqualTo(200);
    }

    @Test
    void persianAndUrduLetterFormsAreOneLetterForTagsSlugsAndSearch() {
        Api editor = api.as(editorKey);
        String body = "{\"headline\": \"كتاب جديد عن الهند\", \"bodyHtml\": \"<p>مكتبة كبيرة</p>\", \"tags\": [\"كتاب\"]}";
        String id = editor.post("/api/admin/articles", body).json().get("id").asString();
        editor.post("/api/admin/articles/" + id + "/publish", null);
        // typed on a Persian keyboard: keheh for kaf, farsi yeh for yeh
        String persian = editor.post("/api/admin/articles", "{\"headline\": \"کتاب جدید\", \"tags\": [\"کتاب\"]}").json()
                .get("id").asString();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM tags", Integer.class)).as("two spellings of one tag name are one tag").isOne();
        JsonNode persianArticle = editor.get("/api/admin/articles/" + persian).json();
        assertThat(persianArticle.get("headline").asString()).as("display text keeps what was typed").isEqualTo("کتاب جدید");
        assertThat(persianArticle.get("tags").get(0).get("name").asString()).isEqualTo("كتاب");
        assertThat(persianArticle.get("slug").asString()).isEqualTo("کتاب-جدید");

        JsonNode hits = api.get("/api/content/search?q=" + ContentArticlesIT.enc("کتاب جدید")).json().get("items");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("headline").asString()).isEqualTo("كتاب جديد عن الهند");
        assertThat(api.get("/api/content/search?q=" + ContentArticlesIT.enc("مکتبه")).json().get("items")).hasSize(1);
        assertThat(api.get("/api/content/tags/" + ContentArticlesIT.enc("کتاب")).status()).isIn(200, 301);
    }

    @Test
    void ninjsDocumentsAndBulkLinesAreCleanedLikeAdminRequests() {
        Map<String, Object> document = NinjsFixtures.story("urn:wire:\u200Fstory-1\u0000", "موسكو\u0001 وطهران\n\nتوقعان\uFEFF");
        document.put("bodies", List.of(Map.of("role", "main", "contenttype", "text/html", "value", "<p>نص\u0008 الخبر\uFFFF</p>")));
        document.put("subjects", List.of(Map.of("name", "\u200Fروسيا\u0085")));
        document.put("infosources", List.of(Map.of("name", "نوفوستي\u200E\u0007", "role", "source")));
        Api.Result ingested = api.as(integrationKey).post("/api/admin/ingest/ninjs", document);
        assertThat(ingested.status()).as(ingested.toString()).isEqualTo(201);
        String id = ingested.json().get("articleId").asString();
        JsonNode stored = api.as(editorKey).get("/api/admin/articles/" + id).json();
        assertThat(stored.get("headline").asString()).isEqualTo("موسكو وطهران توقعان");
        assertThat(stored.get("bodyHtml").asString()).contains("نص الخبر").doesNotContain("\u0008", "\uFFFF");
        assertThat(stored.get("tags").get(0).get("name").asString()).isEqualTo("روسيا");
        assertThat(stored.get("source").get("name").asString()).isEqualTo("نوفوستي");
        assertThat(api.as(integrationKey).post("/api/admin/ingest/ninjs", document).status())
                .as("the same document again is recognised by its cleaned uri").isEqualTo(200);

        String line = "{\"headline\": " + raw("سطر\u0003 مستورد\n") + ", \"tags\": [" + raw("\uFEFFوسم\u200B") + "]}\n";
        Api.Result bulk = api.as(integrationKey).send("POST", "/api/admin/ingest/bulk", "application/x-ndjson", line);
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.json().get("created").asInt()).as(bulk.toString()).isOne();
        assertThat(jdbc.queryForObject("SELECT headline FROM articles WHERE headline LIKE 'سطر%'", String.class)).isEqualTo("سطر مستورد");
        assertThat(jdbc.queryForList("SELECT name FROM tags", String.class)).contains("وسم");
    }

    /** A JSON string literal with every character outside printable ASCII escaped, so any code unit travels as sent. */
    private static String raw(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** What no name, slug or key may hold: controls, noncharacters, surrogates, format characters. */
    private static boolean isStray(int cp) {
        return Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
                || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    /** A namespace-aware parser that refuses DTDs: any character XML 1.0 forbids is a fatal error. */
    private static void parseStrictly(String what, String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        assertThat(builder.parse(new InputSource(new StringReader(xml))).getDocumentElement()).as(what).isNotNull();
    }
}
