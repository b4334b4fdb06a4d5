package db.migration;

import io.newsroom.article.Article;
import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.CleanText;
import io.newsroom.text.Slugs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings rows stored before input was cleaned (CleanText) and before Persian and Urdu letter forms
 * were folded (ArabicNormalizer) in line with what is stored from now on:
 * <ul>
 * <li>articles, tags and sources get the text rules of their fields (one-line fields, names, bodies);
 * an article whose text changed, or that holds a letter whose folding changed, gets its search
 * vector again;</li>
 * <li>every key (tag keys, slug keys, former slugs, tag aliases, ingested uris) is computed again.
 * Two tags whose names now fold to one key are one tag: the younger is merged into the older (its
 * articles move over, its slug stays reachable as an alias). A slug key that another row already
 * holds gets the next free suffix, as a new slug would.</li>
 * </ul>
 * A Java migration because the rules are the application's code; it reads with cursors, so an
 * archive of any size is never held in memory at once, and writes only the rows that change.
 */
public class V8__Text_cleaned_and_keys_refolded extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V8__Text_cleaned_and_keys_refolded.class);
    private static final int BATCH = 500;
    /** The letters whose folding is new in this version: an article holding one is indexed again. */
    private static final String NEWLY_FOLDED = "\u06A9\u06AA\u063B\u063C\u06CC\u06D0\u06CD\u06CE\u06D2\u0620\u06D3\u06C1\u06BE\u06D5\u06C0\u06C2\u06C3";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        int tags = cleanTags(connection);
        int sources = cleanSources(connection);
        int articles = cleanArticles(connection);
        int keys = refoldKeyTable(connection, "article_former_slugs") + refoldKeyTable(connection, "tag_aliases");
        int uris = cleanUris(connection);
        log.info("Text cleaned: {} tags, {} sources, {} articles, {} former slugs and aliases, {} ingested uris changed",
                tags, sources, articles, keys, uris);
    }

    // --- tags ---------------------------------------------------------------------------------

    private record TagRow(UUID id, String name, String slug, String slugKey, String normalizedKey, String description) {
    }

    private static int cleanTags(Connection connection) throws SQLException {
        List<TagRow> rows = new ArrayList<>();
        try (Statement read = connection.createStatement();
                ResultSet rs = read.executeQuery("SELECT id, name, slug, slug_key, normalized_key, description FROM tags ORDER BY created_at, id")) {
            while (rs.next()) {
                rows.add(new TagRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"), rs.getString("slug_key"),
                        rs.getString("normalized_key"), rs.getString("description")));
            }
        }
        Map<UUID, TagRow> before = new HashMap<>();
        rows.forEach(row -> before.put(row.id(), row));
        Map<String, UUID> survivorByKey = new HashMap<>();
        Set<String> slugKeys = new HashSet<>();
        List<TagRow> kept = new ArrayList<>();
        int changed = 0;
        for (TagRow row : rows) {
            String name = CleanText.name(row.name());
            String key = ArabicNormalizer.key(name);
            if (name.isEmpty() || key.isEmpty()) { // nothing but marks: keep what it was called, and its key
                name = row.name().strip();
                key = row.normalizedKey();
            }
            UUID survivor = survivorByKey.putIfAbsent(key, row.id());
            if (survivor != null) {
                mergeTag(connection, row, survivor);
                changed++;
                continue;
            }
            kept.add(new TagRow(row.id(), name, row.slug(), row.slugKey(), key, CleanText.text(row.description())));
        }
        // Slug keys once every merge is done, so that a merged tag's key is free for the survivors.
        try (PreparedStatement clearKeys = connection.prepareStatement("UPDATE tags SET slug_key = 'v8-' || id, normalized_key = 'v8-' || id WHERE id = ?");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE tags SET name = ?, slug = ?, slug_key = ?, normalized_key = ?, description = ? WHERE id = ?")) {
            List<Object[]> updates = new ArrayList<>();
            for (TagRow row : kept) {
                String slug = freeSlug(row.slug(), slugKeys);
                TagRow old = before.get(row.id());
                if (!row.name().equals(old.name()) || !slug.equals(old.slug()) || !Slugs.key(slug).equals(old.slugKey())
                        || !row.normalizedKey().equals(old.normalizedKey()) || !Objects.equals(row.description(), old.description())) {
                    updates.add(new Object[] {row.name(), slug, Slugs.key(slug), row.normalizedKey(), row.description(), row.id()});
                }
            }
            // Two passes: keys are unique, and a new key may be what another row holds until its own update.
            for (Object[] update : updates) {
                clearKeys.setObject(1, update[5]);
                clearKeys.addBatch();
            }
            clearKeys.executeBatch();
            for (Object[] update : updates) {
                for (int i = 0; i < update.length; i++) {
                    write.setObject(i + 1, update[i]);
                }
                write.addBatch();
            }
            write.executeBatch();
            changed += updates.size();
        }
        return changed;
    }

    /** The younger tag's articles get the survivor (once, where they had either), its slug becomes an alias, and it goes. */
    private static void mergeTag(Connection connection, TagRow merged, UUID survivor) throws SQLException {
        log.info("Tags '{}' and {} are one tag now that Persian and Urdu letter forms fold: merged", merged.name(), survivor);
        List<UUID> articleIds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT article_id FROM article_tags WHERE tag_id = ?")) {
            select.setObject(1, merged.id());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    articleIds.add(rs.getObject(1, UUID.class));
                }
            }
        }
        update(connection, "UPDATE article_tags SET tag_id = ? WHERE tag_id = ? AND article_id NOT IN (SELECT article_id FROM article_tags WHERE tag_id = ?)",
                survivor, merged.id(), survivor);
        update(connection, "DELETE FROM article_tags WHERE tag_id = ?", merged.id());
        UUID[] ids = articleIds.toArray(UUID[]::new);
        // positions stay dense (0..n-1), as the ordered mapping expects
        update(connection, """
                UPDATE article_tags t SET position = r.n - 1
                FROM (SELECT article_id, tag_id, row_number() OVER (PARTITION BY article_id ORDER BY position) AS n
                      FROM article_tags WHERE article_id = ANY (?)) r
                WHERE t.article_id = r.article_id AND t.tag_id = r.tag_id AND t.position <> r.n - 1""", (Object) ids);
        update(connection, "UPDATE articles SET updated_at = now(), version = version + 1 WHERE id = ANY (?)", (Object) ids);
        update(connection, "UPDATE tag_aliases SET tag_id = ? WHERE tag_id = ?", survivor, merged.id());
        update(connection, "INSERT INTO tag_aliases (slug_key, tag_id, created_at) VALUES (?, ?, now()) ON CONFLICT (slug_key) DO NOTHING",
                merged.slugKey(), survivor);
        update(connection, "DELETE FROM tags WHERE id = ?", merged.id());
    }

    // --- sources ------------------------------------------------------------------------------

    private static int cleanSources(Connection connection) throws SQLException {
        Set<String> slugKeys = new HashSet<>();
        Map<UUID, String[]> updates = new LinkedHashMap<>();
        try (Statement read = connection.createStatement();
                ResultSet rs = read.executeQuery("SELECT id, name, slug, slug_key FROM sources ORDER BY created_at, id")) {
            while (rs.next()) {
                String oldName = rs.getString("name");
                String name = CleanText.name(oldName);
                if (name.isEmpty()) {
                    name = oldName.strip();
                }
                String slug = freeSlug(rs.getString("slug"), slugKeys);
                if (!name.equals(oldName) || !slug.equals(rs.getString("slug")) || !Slugs.key(slug).equals(rs.getString("slug_key"))) {
                    updates.put(rs.getObject("id", UUID.class), new String[] {name, slug, Slugs.key(slug)});
                }
            }
        }
        for (UUID id : updates.keySet()) {
            update(connection, "UPDATE sources SET slug_key = 'v8-' || id WHERE id = ?", id);
        }
        for (Map.Entry<UUID, String[]> entry : updates.entrySet()) {
            String[] u = entry.getValue();
            update(connection, "UPDATE sources SET name = ?, slug = ?, slug_key = ? WHERE id = ?", u[0], u[1], u[2], entry.getKey());
        }
        return updates.size();
    }

    // --- articles -----------------------------------------------------------------------------

    private static int cleanArticles(Connection connection) throws SQLException {
        int changed = 0;
        Map<UUID, String> newSlugKeys = new LinkedHashMap<>();
        try (Statement read = connection.createStatement();
                PreparedStatement writeText = connection.prepareStatement("""
                        UPDATE articles SET headline = ?, subheadline = ?, body_html = ?, excerpt = ?, byline = ?,
                               image_caption = ?, image_credit = ? WHERE id = ?""");
                PreparedStatement writeVector = connection.prepareStatement(
                        "UPDATE article_search SET search_vector = ?::tsvector WHERE article_id = ?")) {
            read.setFetchSize(BATCH); // a cursor (Flyway runs the migration in a transaction)
            try (ResultSet rs = read.executeQuery("""
                    SELECT id, slug, slug_key, headline, subheadline, body_html, excerpt, byline, image_caption, image_credit
                    FROM articles""")) {
                int pending = 0;
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    String slugKey = Slugs.key(rs.getString("slug"));
                    if (!slugKey.equals(rs.getString("slug_key"))) {
                        newSlugKeys.put(id, rs.getString("slug"));
                    }
                    String[] before = {rs.getString("headline"), rs.getString("subheadline"), rs.getString("body_html"),
                            rs.getString("excerpt"), rs.getString("byline"), rs.getString("image_caption"), rs.getString("image_credit")};
                    String headline = CleanText.line(before[0]);
                    String[] after = {headline.isEmpty() ? before[0].strip() : headline, CleanText.line(before[1]), CleanText.text(before[2]),
                            CleanText.text(before[3]), CleanText.line(before[4]), CleanText.line(before[5]), CleanText.line(before[6])};
                    boolean textChanged = false;
                    boolean refolds = false;
                    for (int i = 0; i < before.length; i++) {
                        textChanged |= !Objects.equals(before[i], after[i]);
                        refolds |= holdsNewlyFolded(after[i]);
                    }
                    if (textChanged) {
                        for (int i = 0; i < after.length; i++) {
                            writeText.setString(i + 1, after[i]);
                        }
                        writeText.setObject(8, id);
                        writeText.addBatch();
                        changed++;
                    }
                    if (textChanged || refolds) {
                        writeVector.setString(1, Article.searchVector(after[0], after[1], after[3], after[2]));
                        writeVector.setObject(2, id);
                        writeVector.addBatch();
                    }
                    if (++pending == BATCH) {
                        writeText.executeBatch();
                        writeVector.executeBatch();
                        pending = 0;
                    }
                }
                writeText.executeBatch();
                writeVector.executeBatch();
            }
        }
        if (!newSlugKeys.isEmpty()) {
            changed += refoldArticleSlugs(connection, newSlugKeys);
        }
        return changed;
    }

    /** Articles whose slug key changed: the new key, or, when another article holds it, the next free suffix. */
    private static int refoldArticleSlugs(Connection connection, Map<UUID, String> slugs) throws SQLException {
        for (UUID id : slugs.keySet()) {
            update(connection, "UPDATE articles SET slug_key = 'v8-' || id WHERE id = ?", id);
        }
        for (Map.Entry<UUID, String> entry : slugs.entrySet()) {
            String slug = Slugs.unique(entry.getValue(), key -> exists(connection, "SELECT 1 FROM articles WHERE slug_key = ?", key));
            if (!slug.equals(entry.getValue())) {
                log.info("Article {}: its slug '{}' folds onto another article's; it is now '{}'", entry.getKey(), entry.getValue(), slug);
            }
            update(connection, "UPDATE articles SET slug = ?, slug_key = ? WHERE id = ?", slug, Slugs.key(slug), entry.getKey());
        }
        return slugs.size();
    }

    // --- keys of other tables -----------------------------------------------------------------

    /** A table keyed by slug_key: each key folded again; a key that folds onto one already there is dropped. */
    private static int refoldKeyTable(Connection connection, String table) throws SQLException {
        Map<String, String> changes = new LinkedHashMap<>();
        try (Statement read = connection.createStatement(); ResultSet rs = read.executeQuery("SELECT slug_key FROM " + table)) {
            while (rs.next()) {
                String key = rs.getString(1);
                String refolded = Slugs.key(key);
                if (!refolded.equals(key) && !refolded.isEmpty()) {
                    changes.put(key, refolded);
                }
            }
        }
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (exists(connection, "SELECT 1 FROM " + table + " WHERE slug_key = ?", change.getValue())) {
                update(connection, "DELETE FROM " + table + " WHERE slug_key = ?", change.getKey());
            } else {
                update(connection, "UPDATE " + table + " SET slug_key = ? WHERE slug_key = ?", change.getValue(), change.getKey());
            }
        }
        return changes.size();
    }

    /** Ingested uris and the articles' external ids get the rules of names, as incoming ones now do. */
    private static int cleanUris(Connection connection) throws SQLException {
        Map<String, String> changes = new LinkedHashMap<>();
        try (Statement read = connection.createStatement(); ResultSet rs = read.executeQuery("SELECT uri FROM ingested_documents")) {
            while (rs.next()) {
                String uri = rs.getString(1);
                String cleaned = CleanText.name(uri);
                if (!cleaned.equals(uri) && !cleaned.isEmpty()) {
                    changes.put(uri, cleaned);
                }
            }
        }
        int changed = 0;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (exists(connection, "SELECT 1 FROM ingested_documents WHERE uri = ?", change.getValue())) {
                continue; // another document already holds the clean form: both stay as they were
            }
            update(connection, "UPDATE ingested_documents SET uri = ? WHERE uri = ?", change.getValue(), change.getKey());
            update(connection, "UPDATE articles SET external_id = ? WHERE external_id = ?", change.getValue(), change.getKey());
            changed++;
        }
        return changed;
    }

    // --- helpers ------------------------------------------------------------------------------

    private static String freeSlug(String slug, Set<String> takenKeys) {
        String free = Slugs.unique(slug, takenKeys::contains);
        takenKeys.add(Slugs.key(free));
        return free;
    }

    private static boolean holdsNewlyFolded(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (NEWLY_FOLDED.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean exists(Connection connection, String sql, Object parameter) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
