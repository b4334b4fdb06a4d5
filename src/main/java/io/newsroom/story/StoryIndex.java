package io.newsroom.story;

import io.newsroom.article.ReaderVisibility;
import io.newsroom.content.ArticlesChanged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
    private boolean built;
    private long evictedAt;

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
        synchronized (this) {
            long since = evictOld();
            Map<UUID, Integer> shared = new HashMap<>();
            for (String word : signature.words()) {
                for (UUID id : postings.getOrDefault(word, Set.of())) {
                    shared.merge(id, 1, Integer::sum);
                }
            }
            Match best = null;
            int size = signature.words().size();
            for (Map.Entry<UUID, Integer> candidate : shared.entrySet()) {
                Told told = articles.get(candidate.getKey());
                // Dice needs the shared count only: skip at once what cannot reach the threshold
                if (told.publishedAt() < since || 2.0 * candidate.getValue() / (size + told.signature().words().size()) < properties.threshold()) {
                    continue;
                }
                SameStory.Verdict verdict = SameStory.judge(signature, told.signature(), properties.threshold());
                if (verdict.same() && (best == null || verdict.similarity() > best.similarity())) {
                    best = new Match(told.id(), told.leadId(), verdict.similarity());
                }
            }
            return Optional.ofNullable(best);
        }
    }

    /** What this instance has just published (the change notification will say so again, later). */
    public synchronized void add(UUID id, UUID leadId, Instant publishedAt, StorySignature signature) {
        put(new Told(id, leadId, publishedAt.toEpochMilli(), signature));
    }

    /** An article found gone or changed when joined: out until the change notification says what it is now. */
    public synchronized void forget(UUID id) {
        remove(id);
    }

    @EventListener
    void on(ArticlesChanged change) {
        if (change.everything()) {
            synchronized (this) {
                built = false; // read again in full when next asked
            }
            return;
        }
        synchronized (this) {
            if (!built) {
                return; // nothing to keep current yet
            }
        }
        List<Told> found = read(" AND a.id = ANY (?)", (Object) change.articleIds().toArray(UUID[]::new));
        synchronized (this) {
            if (!built) {
                return;
            }
            change.articleIds().forEach(this::remove);
            found.forEach(this::put);
        }
    }

    private void ensureBuilt() {
        synchronized (this) {
            if (built) {
                return;
            }
        }
        List<Told> all = read(" AND a.published_at >= ?", Timestamp.from(clock.instant().minus(properties.window())));
        synchronized (this) {
            if (built) {
                return;
            }
            articles.clear();
            postings.clear();
            all.forEach(this::put);
            built = true;
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

    /** Drops what has left the window, at most once a minute; answers the window's start. */
    private long evictOld() {
        long now = clock.instant().toEpochMilli(); // not clock.millis(): see NewsroomApplication's clock
        long since = now - properties.window().toMillis();
        if (now - evictedAt > 60_000) {
            evictedAt = now;
            articles.values().stream().filter(told -> told.publishedAt() < since).map(Told::id).toList().forEach(this::remove);
        }
        return since;
    }
}
