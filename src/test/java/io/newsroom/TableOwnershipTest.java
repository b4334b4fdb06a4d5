package io.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One writer per table: each table is written only by the module that owns it; another module that
 * needs a change asks the owner (tag merge asks the article module through {@code TaggedArticles},
 * imports record audit entries through {@code AuditLog.recordAll}). Checked beside ModularityTest,
 * which cannot see SQL: every statement in a module's code that writes a table (INSERT, UPDATE,
 * DELETE, COPY, TRUNCATE, MERGE) and every JPA mapping of a table must name a table its module owns.
 */
class TableOwnershipTest {

    /** Who owns which table: the one place that says so. A new table needs its owner here. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("articles", "article"),
            Map.entry("article_search", "article"),
            Map.entry("article_tags", "article"),
            Map.entry("related_articles", "article"),
            Map.entry("article_revisions", "article"),
            Map.entry("article_former_slugs", "article"),
            Map.entry("article_authors", "article"),
            Map.entry("authors", "author"),
            Map.entry("author_former_slugs", "author"),
            Map.entry("author_name_aliases", "author"),
            Map.entry("tags", "tag"),
            Map.entry("tag_aliases", "tag"),
            Map.entry("sources", "source"),
            Map.entry("api_keys", "security"),
            Map.entry("people", "security"),
            Map.entry("audit_log", "audit"),
            Map.entry("article_renderings", "content"),
            Map.entry("article_summaries", "content"),
            Map.entry("ingested_documents", "ingest"),
            Map.entry("source_feeds", "intake"),
            Map.entry("preview_links", "preview"),
            Map.entry("webhook_subscriptions", "webhook"),
            Map.entry("webhook_deliveries", "webhook"),
            Map.entry("cdn_purges", "cdn"),
            Map.entry("cdn_purge_senders", "cdn"),
            Map.entry("media", "media"));

    private static final Path SOURCES = Path.of("src/main/java/io/newsroom");
    private static final Path MIGRATIONS = Path.of("db/migration");

    private static final Pattern SQL_WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|COPY|TRUNCATE(?:\\s+TABLE)?|MERGE\\s+INTO)\\s+(?:ONLY\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JPA_MAPPING = Pattern.compile(
            "@(?:Table|SecondaryTable|JoinTable|CollectionTable)\\s*\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");
    private static final Pattern CREATED_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    record Write(String module, String file, String table) {
        @Override
        public String toString() {
            return module + "/" + file + " writes " + table + " (owned by " + OWNERS.get(table) + ")";
        }
    }

    @Test
    void everyTableIsWrittenByItsOwningModuleOnly() throws IOException {
        List<Write> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(path -> path.toString().endsWith(".java")).filter(path -> SOURCES.relativize(path).getNameCount() > 1)
                    .forEach(path -> {
                        String module = SOURCES.relativize(path).getName(0).toString();
                        for (String table : tablesWritten(read(path))) {
                            if (!module.equals(OWNERS.get(table))) {
                                foreign.add(new Write(module, SOURCES.relativize(path).toString(), table));
                            }
                        }
                    });
        }
        assertThat(foreign).as("writes to another module's table: ask its owner instead").isEmpty();
    }

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(path -> path.toString().endsWith(".sql")).forEach(path -> {
                Matcher matcher = CREATED_TABLE.matcher(read(path));
                while (matcher.find()) {
                    created.add(matcher.group(1).toLowerCase());
                }
            });
        }
        assertThat(created).hasSizeGreaterThan(10);
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    /** The scan itself: a check that finds nothing would pass whatever the code did. */
    @Test
    void theScanFindsStatementsAndMappingsHoweverTheyAreWritten() {
        assertThat(tablesWritten("""
                jdbc.update(\"\"\"
                        UPDATE article_tags SET tag_id = ? WHERE tag_id = ?\"\"\");
                jdbc.update("delete from  articles where id = ?");
                jdbc.batchUpdate("INSERT INTO audit_log (at) VALUES (?)");
                // an UPDATE only carries it; ON CONFLICT DO UPDATE SET x = 1
                @JoinTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"))
                @Table(name = "tags")""")).containsExactlyInAnyOrder("article_tags", "articles", "audit_log", "tags");
        assertThat(tablesWritten("SELECT id FROM articles WHERE id IN (SELECT article_id FROM article_tags) FOR UPDATE")).isEmpty();
    }

    /** The owned tables a file's code writes; words after UPDATE that name no table (prose, DO UPDATE SET) are not tables. */
    static Set<String> tablesWritten(String source) {
        Set<String> tables = new TreeSet<>();
        for (Pattern pattern : List.of(SQL_WRITE, JPA_MAPPING)) {
            Matcher matcher = pattern.matcher(source);
            while (matcher.find()) {
                String name = matcher.group(1).toLowerCase();
                if (OWNERS.containsKey(name)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
