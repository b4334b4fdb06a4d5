package io.newsroom.operations;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads what readers' requests read into PostgreSQL's shared buffers with {@code pg_prewarm}
 * (migration V17 creates it where the module is installed), as the first step of the warm-up.
 * After a database restart, random article pages ran far below their settled rate at first even
 * after the request warm-up, whose own requests touch only what they ask for, a tiny part of the
 * archive; with this step they start close to it (docs/benchmarks.md).
 *
 * <p>Relations are loaded most-read first, within nine tenths of {@code shared_buffers} (loading
 * more would evict what was just loaded): the articles' rows and indexes (every request checks
 * visibility there), tags and sources, read-also links, the stored renderings' rows, search, and
 * last the stored renderings' bodies as far as room is left. The articles' own bodies are left
 * out: a stored rendering is served instead of them.
 */
@Component
class DatabaseBufferWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBufferWarmUp.class);

    /** Part of a table to load: its rows with its indexes, or its TOAST table (long values kept apart) with that one's index. */
    private record Part(String table, boolean toast) {
        static Part rows(String table) {
            return new Part(table, false);
        }

        static Part toast(String table) {
            return new Part(table, true);
        }
    }

    /** Most-read first: what does not fit is what readers need least. */
    private static final List<Part> READERS_PARTS = List.of(
            Part.rows("articles"), Part.rows("tags"), Part.rows("sources"), Part.rows("article_tags"), Part.rows("related_articles"),
            Part.rows("article_renderings"), Part.rows("article_summaries"), Part.rows("article_search"), Part.toast("article_search"), Part.toast("article_renderings"));

    /** One relation as loaded. */
    record Loaded(String relation, long blocks, long ofBlocks) {
    }

    private final JdbcTemplate jdbc;

    DatabaseBufferWarmUp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads what fits; nothing (and a log line) when pg_prewarm is not there. Never fails the warm-up. */
    List<Loaded> load() {
        try {
            if (!jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm')", Boolean.class)) {
                log.info("PostgreSQL's buffers are not warmed up: the pg_prewarm extension is not installed (see migration V17)");
                return List.of();
            }
            long started = System.nanoTime();
            long room = jdbc.queryForObject("SELECT setting::bigint * 9 / 10 FROM pg_settings WHERE name = 'shared_buffers'", Long.class);
            List<Loaded> loaded = new ArrayList<>();
            for (Long relation : relations()) {
                long blocks = jdbc.queryForObject("SELECT pg_relation_size(?::oid::regclass) / current_setting('block_size')::bigint",
                        Long.class, relation);
                long load = Math.min(blocks, room);
                if (load > 0) {
                    jdbc.queryForObject("SELECT pg_prewarm(?::oid::regclass, 'buffer', 'main', 0, ?)", Long.class, relation, load - 1);
                }
                room -= load;
                loaded.add(new Loaded(jdbc.queryForObject("SELECT ?::oid::regclass::text", String.class, relation), load, blocks));
            }
            long blockSize = jdbc.queryForObject("SELECT current_setting('block_size')::bigint", Long.class);
            long bytes = loaded.stream().mapToLong(Loaded::blocks).sum() * blockSize;
            log.info("PostgreSQL's buffers warmed up: {} MB of readers' tables and indexes in {} ms", bytes >> 20,
                    (System.nanoTime() - started) / 1_000_000);
            return loaded;
        } catch (DataAccessException e) {
            log.warn("PostgreSQL's buffers not warmed up: {}", e.getMessage());
            return List.of();
        }
    }

    /** The relations to load, in order: each table's indexes, then its rows, or its TOAST table and that one's index. */
    private List<Long> relations() {
        List<Long> relations = new ArrayList<>();
        for (Part part : READERS_PARTS) {
            if (part.toast()) {
                relations.addAll(jdbc.queryForList("""
                        SELECT t.oid::bigint FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.oid = ?::regclass
                        UNION ALL SELECT i.indexrelid::bigint FROM pg_class c JOIN pg_index i ON i.indrelid = c.reltoastrelid WHERE c.oid = ?::regclass""",
                        Long.class, part.table(), part.table()));
            } else {
                relations.addAll(jdbc.queryForList("SELECT indexrelid::bigint FROM pg_index WHERE indrelid = ?::regclass ORDER BY indexrelid",
                        Long.class, part.table()));
                relations.add(jdbc.queryForObject("SELECT ?::regclass::oid::bigint", Long.class, part.table()));
            }
        }
        return relations;
    }
}
