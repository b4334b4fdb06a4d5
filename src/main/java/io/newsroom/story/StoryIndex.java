package io.newsroom.story;

import io.newsroom.article.ReaderVisibility;
import io.newsroom.content.ArticlesChanged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * words each, and a comparison adds up the weight of shared words through the postings of the
 * item's own words instead of visiting every article. The index also counts how many of its
 * articles use each word: a word rare in the window weighs more than a common one (SameStory).
 */
@Component
public class StoryIndex {

    private static final Logger log = LoggerFactory.getLogger(StoryIndex.class);

    /** The article a new item tells the same story as, the lead of that story, and how alike they are. */
    public record Match(UUID articleId, UUID leadId, double similarity) {
    }

    private static final ThreadLocal<StoryWindow.Scratch> SCRATCH = ThreadLocal.withInitial(StoryWindow.Scratch::new);
    private static final String PUBLISHED_ARTICLES = "SELECT id, coalesce(story_lead_id, id) AS lead_id, published_at, headline, excerpt,"
            + " left(body_html, 4000) AS body FROM articles a WHERE " + ReaderVisibility.reportNow("a");

    private final JdbcTemplate jdbc;
    private final StoryProperties properties;
    private final StoryLexicon lexicon = StoryLexicon.standard();
    private final Clock clock;
    private final StoryWindow window = new StoryWindow();
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

    /** Whether two texts tell one story, rare words of the window weighing more (what {@link #find} decides by). */
    public boolean sameStory(StorySignature a, StorySignature b) {
        ensureBuilt();
        lock.readLock().lock();
        try {
            return SameStory.judge(a, b, window.weights(), properties.threshold()).same();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The published article of the window that tells the same story most closely, if any
     * ({@link SameStory}: enough shared words, rare ones weighing more, and no conflict).
     */
    public Optional<Match> find(StorySignature signature) {
        ensureBuilt();
        evictOld();
        long since = clock.instant().minus(properties.window()).toEpochMilli();
        lock.readLock().lock();
        try {
            StoryWindow.Found found = window.find(signature, since, properties.threshold(), SCRATCH.get());
            return Optional.ofNullable(found).map(f -> new Match(f.told().id(), f.told().leadId(), f.similarity()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The weights the index judges by now (tests compare with judging every article). */
    TermWeights weights() {
        return window.weights();
    }

    /** What this instance has just published and committed (the change notification will say so again, later). */
    public void add(UUID id, UUID leadId, Instant publishedAt, StorySignature signature) {
        writing(() -> {
            if (built) { // else the next full read finds it in the database
                window.put(new StoryWindow.Told(id, leadId, publishedAt.toEpochMilli(), signature));
            }
        });
    }

    /** An article found gone or changed when joined: out until the change notification says what it is now. */
    public void forget(UUID id) {
        writing(() -> window.remove(id));
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
        List<StoryWindow.Told> found;
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
                ids.forEach(window::remove);
                found.forEach(window::put);
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
            List<StoryWindow.Told> all = read(" AND a.published_at >= ?", Timestamp.from(clock.instant().minus(properties.window())));
            Set<UUID> changedMeanwhile = new HashSet<>();
            writing(() -> {
                window.clear();
                all.forEach(window::put);
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

    private List<StoryWindow.Told> read(String where, Object... params) {
        List<StoryWindow.Told> found = new ArrayList<>();
        jdbc.query(PUBLISHED_ARTICLES + where, row -> {
            found.add(new StoryWindow.Told(row.getObject("id", UUID.class), row.getObject("lead_id", UUID.class), row.getTimestamp("published_at").getTime(),
                    signature(row.getString("headline"), row.getString("excerpt"), row.getString("body"))));
        }, params);
        return found;
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
            window.evictBefore(since);
        });
    }
}
