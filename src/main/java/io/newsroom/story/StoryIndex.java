package io.newsroom.story;

import io.newsroom.article.ReaderVisibility;
import io.newsroom.content.ArticlesChanged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
    private final Map<UUID, Told> articles = new HashMap<>();
    private final Map<String, Set<UUID>> postings = new HashMap<>();
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
        lock.readLock().lock();
        try {
            Match best = null;
            for (UUID id : candidates(signature.words(), threshold)) {
                Told told = articles.get(id);
                if (told == null || told.publishedAt() < since) {
                    continue;
                }
                SameStory.Verdict verdict = SameStory.judge(signature, told.signature(), threshold);
                if (verdict.same() && (best == null || verdict.similarity() > best.similarity())) {
                    best = new Match(told.id(), told.leadId(), verdict.similarity());
                }
            }
            return Optional.ofNullable(best);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The articles that may reach the threshold (prefix filtering): Dice ≥ θ needs the other text to
     * have at least θ·|A|/(2−θ) words and to share at least t = θ·(|A| + that)/2 of A's, so it uses
     * at least one of any |A| − t + 1 of A's words. Those are taken from the rarest words, leaving out
     * the commonest, whose postings are the long ones. Called under the read lock.
     */
    private Set<UUID> candidates(Set<String> words, double threshold) {
        int size = words.size();
        if (size == 0) {
            return Set.of();
        }
        double fewestOtherWords = Math.ceil(threshold * size / (2 - threshold));
        int mustShare = (int) Math.ceil(threshold * (size + fewestOtherWords) / 2 - 1e-9);
        int prefix = Math.max(1, size - mustShare + 1);
        List<Set<UUID>> byRarity = new ArrayList<>(size);
        for (String word : words) {
            byRarity.add(postings.getOrDefault(word, Set.of()));
        }
        byRarity.sort(Comparator.comparingInt(Set::size));
        Set<UUID> candidates = new HashSet<>();
        for (Set<UUID> posting : byRarity.subList(0, Math.min(prefix, byRarity.size()))) {
            candidates.addAll(posting);
        }
        return candidates;
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
        List<Told> found = read(" AND a.id = ANY (?)", (Object) ids.toArray(UUID[]::new));
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
                articles.clear();
                postings.clear();
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
        articles.put(told.id(), told);
        for (String word : told.signature().words()) {
            postings.computeIfAbsent(word, w -> new HashSet<>()).add(told.id());
        }
    }

    private void remove(UUID id) {
        Told before = articles.remove(id);
        if (before == null) {
            return;
        }
        for (String word : before.signature().words()) {
            Set<UUID> ids = postings.get(word);
            if (ids != null && ids.remove(id) && ids.isEmpty()) {
                postings.remove(word);
            }
        }
    }

    /** Drops what has left the window, at most once a minute. */
    private void evictOld() {
        long now = clock.instant().toEpochMilli(); // not clock.millis(): see NewsroomApplication's clock
        if (now - evictedAt < 60_000) {
            return;
        }
        long since = now - properties.window().toMillis();
        writing(() -> {
            evictedAt = now;
            articles.values().stream().filter(told -> told.publishedAt() < since).map(Told::id).toList().forEach(this::remove);
        });
    }
}
