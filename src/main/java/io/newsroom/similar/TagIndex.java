package io.newsroom.similar;

import io.newsroom.content.ArticlesChanged;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every article's tags and visibility time, in this instance's memory, with the articles of each tag
 * (its postings): what exact similar lists are computed from, without a per-tag cap and without a
 * query. Built in full when the change listener connects (start-up, and after any interruption, since
 * changes may have been missed) and brought up to date from {@link ArticlesChanged} for just the
 * articles a commit touched. Visibility is compared with the clock when a list is computed; the
 * listed articles are loaded through the content module's visibility check again, so a change not
 * applied here yet can leave a list one item short, never show an article that is not published.
 *
 * <p>Articles are numbered in the order first seen; a tag's postings are those numbers, newest first
 * ({@link #compareNewestFirst}), with a signature of each article's tags ({@link Postings}), replaced
 * (never changed in place) when its articles change, so readers need no lock.
 * Only the listening thread writes.
 */
@Component
class TagIndex {

    private static final Logger log = LoggerFactory.getLogger(TagIndex.class);
    /** Not visible at any time. */
    static final long NEVER = Long.MAX_VALUE;

    /** Everything the index holds; replaced whole by a full build. */
    private static final class State {
        final Map<UUID, Integer> numbers = new ConcurrentHashMap<>();
        final Map<UUID, Postings> postings = new ConcurrentHashMap<>();
        volatile UUID[] ids = new UUID[1024];
        volatile long[] visibleFrom = new long[1024];
        volatile long[] visibleUntil = new long[1024];
        volatile UUID[][] tags = new UUID[1024][];
        int size;

        int number(UUID id) {
            Integer known = numbers.get(id);
            if (known != null) {
                return known;
            }
            int number = size++;
            if (number == ids.length) {
                int capacity = ids.length * 2;
                tags = Arrays.copyOf(tags, capacity);
                visibleFrom = Arrays.copyOf(visibleFrom, capacity);
                visibleUntil = Arrays.copyOf(visibleUntil, capacity);
                ids = Arrays.copyOf(ids, capacity);
            }
            ids[number] = id;
            visibleFrom[number] = NEVER;
            visibleUntil[number] = NEVER;
            tags[number] = new UUID[0];
            numbers.put(id, number);
            return number;
        }
    }

    /** One article's row as read from the database. */
    private record Row(UUID id, long visibleFrom, long visibleUntil, UUID[] tags) {
    }

    private final JdbcTemplate jdbc;
    /** For the full build: rows fetched 10,000 at a time, in a read-only transaction (pgjdbc's cursor needs one). */
    private final JdbcTemplate streaming;
    private final TransactionTemplate reading;
    private final CountDownLatch built = new CountDownLatch(1);
    private volatile State state = new State();
    /** The ids of the change applied last: lets a test wait for a marker it sent after its writes (notifications come in commit order). */
    private volatile Set<UUID> lastApplied = Set.of();

    TagIndex(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @EventListener
    void on(ArticlesChanged change) {
        try {
            applyChange(change);
        } catch (TransientDataAccessException e) {
            // Chosen as a deadlock's victim (a TRUNCATE locking table after table, say): tried once
            // more rather than failing the change listener, which would drop every cache and rebuild
            // (and turn readiness DOWN meanwhile). Both reads come before any change to the index (a
            // full build fills a fresh state and swaps it in), so nothing was half applied.
            log.info("Similar-articles index: reading changed articles failed ({}); trying again", e.getMessage());
            applyChange(change);
        }
        lastApplied = change.articleIds();
    }

    private void applyChange(ArticlesChanged change) {
        if (change.everything()) {
            rebuild();
        } else {
            apply(change.articleIds());
        }
    }

    boolean lastAppliedContains(UUID id) {
        return lastApplied.contains(id);
    }

    /** Whether the first full build is done: until then no list can be computed (readiness waits for it). */
    boolean isBuilt() {
        return built.getCount() == 0;
    }

    /** Waits for the first full build, at most {@code seconds}; false if it is not done by then. */
    boolean awaitBuilt(long seconds) {
        try {
            return built.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void rebuild() {
        long started = System.nanoTime();
        State fresh = new State();
        Map<UUID, IntList> postings = new HashMap<>();
        // A cursor, not one result: 1,000,000 articles carry some 5,500,000 tag rows, which pgjdbc
        // would otherwise hold in memory all at once.
        reading.executeWithoutResult(status -> {
            streaming.query("SELECT id, visible_from, visible_until FROM articles", row -> {
                int number = fresh.number(row.getObject(1, UUID.class));
                fresh.visibleFrom[number] = millisOrNever(row.getTimestamp(2));
                fresh.visibleUntil[number] = millisOrNever(row.getTimestamp(3));
            });
            List<UUID> articleTags = new ArrayList<>();
            int[] current = {-1};
            streaming.query("SELECT article_id, tag_id FROM article_tags ORDER BY article_id, position", row -> {
                Integer number = fresh.numbers.get(row.getObject(1, UUID.class));
                if (number == null) {
                    return; // an article inserted between the two reads: its notification follows
                }
                if (number != current[0]) {
                    if (current[0] >= 0) {
                        fresh.tags[current[0]] = articleTags.toArray(UUID[]::new);
                    }
                    articleTags.clear();
                    current[0] = number;
                }
                UUID read = row.getObject(2, UUID.class);
                IntList tagPostings = postings.get(read);
                if (tagPostings == null) {
                    // one UUID instance per tag, shared by every article carrying it: millions of tag
                    // links would otherwise each hold a copy
                    tagPostings = new IntList(read);
                    postings.put(read, tagPostings);
                }
                articleTags.add(tagPostings.tag);
                tagPostings.add(number);
            });
            if (current[0] >= 0) {
                fresh.tags[current[0]] = articleTags.toArray(UUID[]::new);
            }
        });
        long[] signatures = new long[fresh.size];
        for (int number = 0; number < fresh.size; number++) {
            signatures[number] = Postings.signature(fresh.tags[number]);
        }
        postings.forEach((tag, numbers) -> fresh.postings.put(tag, Postings.of(newestFirst(numbers.values, numbers.size, fresh.visibleFrom),
                number -> signatures[number])));
        state = fresh;
        built.countDown();
        log.info("Similar-articles index: {} articles, {} tags, built in {} ms", fresh.size, postings.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A tag's article numbers while the index is built: growing, unboxed. */
    private static final class IntList {
        final UUID tag;
        int[] values = new int[4];
        int size;

        IntList(UUID tag) {
            this.tag = tag;
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

    }

    /** Reads the given articles again and moves them between the postings of the tags they left and joined. */
    void apply(Set<UUID> articleIds) {
        State current = state;
        Map<UUID, Row> rows = new HashMap<>();
        jdbc.query("""
                SELECT a.id, a.visible_from, a.visible_until, array_remove(array_agg(at.tag_id ORDER BY at.position), NULL) AS tags
                FROM articles a LEFT JOIN article_tags at ON at.article_id = a.id
                WHERE a.id = ANY (?) GROUP BY a.id""", row -> {
            UUID id = row.getObject("id", UUID.class);
            rows.put(id, new Row(id, millisOrNever(row.getTimestamp("visible_from")), millisOrNever(row.getTimestamp("visible_until")),
                    uuids(row.getArray("tags"))));
        }, (Object) articleIds.toArray(UUID[]::new));
        Map<UUID, Set<Integer>> added = new HashMap<>();
        Map<UUID, Set<Integer>> removed = new HashMap<>();
        List<Integer> moved = new ArrayList<>();
        for (UUID id : articleIds) {
            Row row = rows.get(id);
            if (row == null && !current.numbers.containsKey(id)) {
                continue;
            }
            int number = current.number(id);
            UUID[] tagsBefore = current.tags[number];
            Set<UUID> before = new HashSet<>(Arrays.asList(tagsBefore));
            UUID[] after = row == null ? new UUID[0] : row.tags();
            for (UUID tag : after) {
                if (!before.remove(tag)) {
                    added.computeIfAbsent(tag, k -> new HashSet<>()).add(number);
                }
            }
            before.forEach(tag -> removed.computeIfAbsent(tag, k -> new HashSet<>()).add(number));
            current.tags[number] = after;
            long visibleFrom = row == null ? NEVER : row.visibleFrom();
            if (visibleFrom != current.visibleFrom[number] || Postings.signature(after) != Postings.signature(tagsBefore)) {
                moved.add(number);
            }
            current.visibleFrom[number] = visibleFrom;
            current.visibleUntil[number] = row == null ? NEVER : row.visibleUntil();
        }
        // An article whose visibility time moved changes place in each of its tags' postings, and one
        // whose tags changed has another signature in those it stays in: out, and in again.
        for (int number : moved) {
            for (UUID tag : current.tags[number]) {
                removed.computeIfAbsent(tag, k -> new HashSet<>()).add(number);
                added.computeIfAbsent(tag, k -> new HashSet<>()).add(number);
            }
        }
        Set<UUID> touched = new HashSet<>(added.keySet());
        touched.addAll(removed.keySet());
        for (UUID tag : touched) {
            Set<Integer> in = added.getOrDefault(tag, Set.of());
            // what stays keeps its order and signature (neither its time nor its tags changed); what
            // comes in is ordered and merged in
            Postings staying = current.postings.getOrDefault(tag, Postings.NONE).without(removed.getOrDefault(tag, Set.of()));
            int[] coming = in.stream().mapToInt(Integer::intValue).toArray();
            Postings updated = staying.mergedWith(Postings.of(newestFirst(coming, coming.length, current.visibleFrom),
                    number -> Postings.signature(current.tags[number])), current.visibleFrom);
            if (updated.size() == 0) {
                current.postings.remove(tag);
            } else {
                current.postings.put(tag, updated);
            }
        }
    }

    /**
     * Postings are ordered newest first, by visibility time and then by number (both descending), so
     * that a similar list can stop once no article further down could enter it (SimilarArticles).
     * Not visible at all ({@link #NEVER}) sorts first; a list skips those.
     */
    static int compareNewestFirst(int a, int b, long[] visibleFrom) {
        int byTime = Long.compare(visibleFrom[b], visibleFrom[a]);
        return byTime != 0 ? byTime : Integer.compare(b, a);
    }

    private static int[] newestFirst(int[] numbers, int size, long[] visibleFrom) {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = numbers[i];
        }
        Arrays.sort(boxed, (a, b) -> compareNewestFirst(a, b, visibleFrom));
        int[] sorted = new int[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = boxed[i];
        }
        return sorted;
    }

    /** A window's end as read (visible_from, visible_until): NULL is {@link #NEVER}. */
    private static long millisOrNever(Timestamp time) {
        return time == null ? NEVER : time.getTime();
    }

    private static UUID[] uuids(Array array) throws SQLException {
        return array == null ? new UUID[0] : (UUID[]) array.getArray();
    }

    /** A consistent enough view for one list: the postings of a few tags and the articles' times. */
    View view() {
        State current = state;
        return new View(current);
    }

    /** What one similar list reads. */
    static final class View {
        private final State state;
        private final UUID[] ids;
        private final long[] visibleFrom;
        private final long[] visibleUntil;

        private View(State state) {
            this.state = state;
            this.visibleUntil = state.visibleUntil;
            this.visibleFrom = state.visibleFrom;
            this.ids = state.ids;
        }

        Postings postings(UUID tag) {
            return state.postings.getOrDefault(tag, Postings.NONE);
        }

        /** The article's number, or -1 if the index does not know it. */
        int number(UUID id) {
            Integer number = state.numbers.get(id);
            return number == null || number >= ids.length ? -1 : number;
        }

        UUID id(int number) {
            return ids[number];
        }

        /** The article's tags, as the index last read them. */
        UUID[] tags(int number) {
            UUID[][] tags = state.tags;
            return number < tags.length && tags[number] != null ? tags[number] : new UUID[0];
        }

        /** When the article becomes visible (epoch millis), {@link #NEVER} if not at all or unknown. */
        long visibleFromMillis(int number) {
            return number < visibleFrom.length ? visibleFrom[number] : NEVER;
        }

        /** ReaderVisibility's window, [visible_from, visible_until), as copied from the articles' rows. */
        boolean isVisibleAt(int number, long nowMillis) {
            return number < visibleFrom.length && number < visibleUntil.length && visibleFrom[number] <= nowMillis && nowMillis < visibleUntil[number];
        }
    }
}
