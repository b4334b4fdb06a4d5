package io.newsroom.story;

import io.newsroom.article.ReaderVisibility;
import io.newsroom.content.ArticlesChanged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published articles of the story window (72 hours by default) in this instance's memory, as
 * signatures with an index from each word to the articles that use it: what a new feed item is
 * compared with. Read in full the first time it is asked and whenever the change listener says
 * anything may have changed; kept current from {@link ArticlesChanged} for just the articles a
 * commit touched, whichever instance made it, and at once for what this instance's intake creates
 * (the next item of the same poll must find it, before the notification comes back).
 *
 * <p>Small by design: an aggregator's three days are tens of thousands of articles of some forty
 * words each, and a comparison counts shared words through the postings of the item's own words
 * instead of visiting every article.
 */
@Component
public class StoryIndex {

    private static final Logger log = LoggerFactory.getLogger(StoryIndex.class);

    /** The article a new item tells the same story as, the lead of that story, and how alike they are. */
    public record Match(UUID articleId, UUID leadId, double similarity) {
    }

    /** One published article of the window. */
    private record Told(UUID id, UUID leadId, long publishedAt, StorySignature signature) {
    }

    private static final String PUBLISHED_ARTICLES = "SELECT id, coalesce(story_lead_id, id) AS lead_id, published_at, headline, excerpt,"
            + " left(body_html, 4000) AS body FROM articles a WHERE " + ReaderVisibility.reportNow("a");

    private final JdbcTemplate jdbc;
    private final StoryProperties properties;
    private final StoryLexicon lexicon = StoryLexicon.standard();
    private final Clock clock;
    private static final ThreadLocal<Counts> COUNTS = ThreadLocal.withInitial(Counts::new);

    /**
     * Articles are numbered (slots) as they come in; each word's postings list the slots of the
     * articles using it, so that a comparison counts shared words in an array rather than a map.
     */
    private final Map<UUID, Integer> slotOf = new HashMap<>();
    private Told[] bySlot = new Told[1024];
    private int slots;
    private int emptySlots;
    private final Map<String, Postings> postings = new HashMap<>();
    /** Comparisons read side by side; changes (this instance's new articles, notifications, eviction) write alone. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object buildingAlone = new Object();
    /** Changes heard while a full read was under way, read again after it; guarded by the write lock. */
    private final Set<UUID> pending = new HashSet<>();
    private boolean building;
    private boolean staleBuild;
    private volatile boolean built;
    private volatile long evictedAt;

    StoryIndex(JdbcTemplate jdbc, StoryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The signature a text is compared by, with this index's lexicon. */
    public StorySignature signature(String headline, String excerpt, String bodyHtml) {
        return StorySignature.ofArticle(headline, excerpt, bodyHtml, lexicon);
    }

    /**
     * The published article of the window that tells the same story most closely, if any
     * ({@link SameStory}: enough shared words, no contradicting slot).
     */
    public Optional<Match> find(StorySignature signature) {
        ensureBuilt();
        evictOld();
        long since = clock.instant().minus(properties.window()).toEpochMilli();
        double threshold = properties.threshold();
        Counts counts = COUNTS.get();
        lock.readLock().lock();
        try {
            counts.sizedFor(slots);
            for (String word : signature.words()) {
                Postings articlesWithIt = postings.get(word);
                for (int i = 0; articlesWithIt != null && i < articlesWithIt.size; i++) {
                    counts.count(articlesWithIt.slots[i]);
                }
            }
            Match best = null;
            int size = signature.words().size();
            for (int i = 0; i < counts.touched; i++) {
                int slot = counts.touchedSlots[i];
                Told told = bySlot[slot];
                // Dice from the shared count first: nearly every candidate falls short without the full judgement
                if (told == null || told.publishedAt() < since
                        || 2.0 * counts.shared[slot] / (size + told.signature().words().size()) < threshold) {
                    continue;
                }
                SameStory.Verdict verdict = SameStory.judge(signature, told.signature(), threshold);
                if (verdict.same() && (best == null || verdict.similarity() > best.similarity())) {
                    best = new Match(told.id(), told.leadId(), verdict.similarity());
                }
            }
            return Optional.ofNullable(best);
        } finally {
            counts.reset();
            lock.readLock().unlock();
        }
    }

    /** What this instance has just published and committed (the change notification will say so again, later). */
    public void add(UUID id, UUID leadId, Instant publishedAt, StorySignature signature) {
        writing(() -> {
            if (built) { // else the next full read finds it in the database
                put(new Told(id, leadId, publishedAt.toEpochMilli(), signature));
            }
        });
    }

    /** An article found gone or changed when joined: out until the change notification says what it is now. */
    public void forget(UUID id) {
        writing(() -> remove(id));
    }

    @EventListener
    void on(ArticlesChanged change) {
        boolean[] keptCurrent = new boolean[1];
        writing(() -> {
            if (change.everything()) {
                built = false; // read again in full when next asked
                staleBuild = building;
            } else if (building) {
                pending.addAll(change.articleIds()); // committed after the full read began, maybe: read again after it
            }
            keptCurrent[0] = built && !change.everything();
        });
        if (keptCurrent[0]) {
            apply(change.articleIds());
        }
    }

    private void apply(Set<UUID> ids) {
        List<Told> found;
        try {
            // only what is in the window: a bulk import's backfill of old stories is nothing to compare with
            found = read(" AND a.id = ANY (?) AND a.published_at >= ?", ids.toArray(UUID[]::new),
                    Timestamp.from(clock.instant().minus(properties.window())));
        } catch (RuntimeException e) {
            // Not this index's failure to spread: the change listener it runs on serves the caches and
            // the similar lists too. The whole window is read again when next asked instead.
            log.warn("Story index: reading changed articles failed ({}); it will be read in full", e.getMessage());
            writing(() -> built = false);
            return;
        }
        writing(() -> {
            if (built) {
                ids.forEach(this::remove);
                found.forEach(this::put);
            }
        });
    }

    private void ensureBuilt() {
        if (built) {
            return;
        }
        synchronized (buildingAlone) {
            if (built) {
                return;
            }
            writing(() -> {
                building = true;
                staleBuild = false;
                pending.clear();
            });
            List<Told> all = read(" AND a.published_at >= ?", Timestamp.from(clock.instant().minus(properties.window())));
            Set<UUID> changedMeanwhile = new HashSet<>();
            writing(() -> {
                clear();
                all.forEach(this::put);
                building = false;
                built = !staleBuild;
                changedMeanwhile.addAll(pending);
                pending.clear();
            });
            if (!changedMeanwhile.isEmpty()) {
                apply(changedMeanwhile);
            }
        }
    }

    private void writing(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private List<Told> read(String where, Object... params) {
        List<Told> found = new ArrayList<>();
        jdbc.query(PUBLISHED_ARTICLES + where, row -> {
            found.add(new Told(row.getObject("id", UUID.class), row.getObject("lead_id", UUID.class), row.getTimestamp("published_at").getTime(),
                    signature(row.getString("headline"), row.getString("excerpt"), row.getString("body"))));
        }, params);
        return found;
    }

    private void put(Told told) {
        remove(told.id());
        if (slots == bySlot.length) {
            bySlot = Arrays.copyOf(bySlot, slots * 2);
        }
        int slot = slots++;
        bySlot[slot] = told;
        slotOf.put(told.id(), slot);
        for (String word : told.signature().words()) {
            postings.computeIfAbsent(word, w -> new Postings()).add(slot);
        }
    }

    /** Its slot is emptied; the postings keep naming it until the next compaction, and comparisons skip it. */
    private void remove(UUID id) {
        Integer slot = slotOf.remove(id);
        if (slot != null) {
            bySlot[slot] = null;
            emptySlots++;
        }
    }

    private void clear() {
        slotOf.clear();
        postings.clear();
        bySlot = new Told[1024];
        slots = 0;
        emptySlots = 0;
    }

    /** Drops what has left the window, at most once a minute, and renumbers when a quarter of the slots are empty. */
    private void evictOld() {
        long now = clock.instant().toEpochMilli(); // not clock.millis(): see NewsroomApplication's clock
        if (now - evictedAt < 60_000) {
            return;
        }
        long since = now - properties.window().toMillis();
        writing(() -> {
            evictedAt = now;
            List<Told> live = new ArrayList<>(slotOf.size());
            for (int slot = 0; slot < slots; slot++) {
                if (bySlot[slot] != null && bySlot[slot].publishedAt() >= since) {
                    live.add(bySlot[slot]);
                }
            }
            if (live.size() < slotOf.size() || emptySlots > slots / 4) {
                clear();
                live.forEach(this::put);
            }
        });
    }

    /** The slots of the articles using one word, in the order they were added. */
    private static final class Postings {
        int[] slots = new int[4];
        int size;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }
    }

    /** One comparison's shared-word counts by slot, kept per thread and reset after use (only the slots it touched). */
    private static final class Counts {
        int[] shared = new int[1024];
        int[] touchedSlots = new int[1024];
        int touched;

        Counts sizedFor(int slots) {
            if (shared.length < slots) {
                shared = new int[slots * 2];
            }
            return this;
        }

        void count(int slot) {
            if (shared[slot]++ == 0) {
                if (touched == touchedSlots.length) {
                    touchedSlots = Arrays.copyOf(touchedSlots, touched * 2);
                }
                touchedSlots[touched++] = slot;
            }
        }

        void reset() {
            for (int i = 0; i < touched; i++) {
                shared[touchedSlots[i]] = 0;
            }
            touched = 0;
        }
    }
}
