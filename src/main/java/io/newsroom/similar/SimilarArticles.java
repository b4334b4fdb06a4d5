package io.newsroom.similar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsroom.content.PublicArticles;
import io.newsroom.text.Slugs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * "Similar articles" under an article, from shared tags: published articles sharing at least one of
 * its tags, never itself or its read-also articles, ranked by the rarity of what they share and by
 * recency ({@link SimilarProperties}), with near-duplicate stories folded into the better-ranked one.
 * Every visible article sharing a tag is a candidate: they come from this instance's {@link TagIndex},
 * not from a query, so no tag's articles need to be cut to its newest.
 */
@Service
public class SimilarArticles {

    /** One shared tag and what it added to the score (before recency). */
    public record SharedTag(UUID id, String name, double weight) {
    }

    /** A listed article with the reasons for its place. */
    public record Item(UUID id, String slug, String headline, UUID sourceId, Instant publishedAt, double score, double recency,
                       List<SharedTag> sharedTags) {
    }

    /** A candidate left out: the same story as {@code duplicateOf} (the article itself, or an item above), or over the source cap. */
    public record Dropped(UUID id, String slug, String headline, String reason, UUID duplicateOf, Double similarity) {
    }

    public record Ranking(List<Item> items, List<Dropped> dropped) {
    }

    private record Candidate(UUID id, Instant publishedAt, List<UUID> tags, double score, double recency) {
    }

    /** What the near-duplicate fold and the source cap need of a listed article. */
    public record Headline(String slug, String headline, UUID sourceId) {
    }

    /**
     * The article a list is for: its tags in its own order (with their names, for explanations), the
     * read-also articles it names (never listed again), and its headline (its own story is never listed).
     */
    public record Seed(UUID id, String slug, Instant updatedAt, String headline, Map<UUID, String> tags, Set<UUID> readAlso) {
    }

    /** Looks up listed articles' headlines, a few at a time in ranking order; an article it does not return is left out. */
    @FunctionalInterface
    public interface Headlines {
        Map<UUID, Headline> of(List<UUID> ids);
    }

    /** Best first: score, then the newer story, then id. */
    private static final Comparator<Candidate> RANKING = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Candidate::publishedAt, Comparator.reverseOrder())
            .thenComparing(Candidate::id);
    /**
     * The same order for candidates still being merged, written out: the composed form boxed each
     * time into a Long and went through five comparators a comparison, in the list's hottest loop.
     */
    private static int compareScored(Scored a, Scored b) {
        int byScore = Double.compare(b.score, a.score);
        if (byScore != 0) {
            return byScore;
        }
        int byTime = Long.compare(b.visibleFrom, a.visibleFrom);
        return byTime != 0 ? byTime : a.id.compareTo(b.id);
    }
    /**
     * How often a tag's walk looks at where it stands (the recency of the article it has reached)
     * while it passes over articles by their signatures alone: a stop found up to this many articles
     * late costs less than reading every article's time.
     */
    private static final int FRONTIER_EVERY = 64;
    /** Candidates kept beyond the list's length on the first walk: room for the article's own story and a near-duplicate or two. */
    private static final int HEAD_MARGIN = 5;
    /** Headlines looked up beyond what the list still needs: room for a near-duplicate or two without a second statement. */
    private static final int LOOKUP_MARGIN = 3;
    /** A seed's row, tags and read-also articles; the WHERE condition is the caller's. */
    private static final String SEED = """
            SELECT a.id, a.slug, a.updated_at, a.headline, tg.ids, tg.names,
                   (SELECT array_agg(related_article_id) FROM related_articles WHERE article_id = a.id) AS read_also
            FROM articles a LEFT JOIN LATERAL (
              SELECT array_agg(t.id ORDER BY at.position) AS ids, array_agg(t.name ORDER BY at.position) AS names
              FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) tg ON true
            WHERE\s""";
    /** How long a request waits for the index's first build (at start-up, readiness waits for it too). */
    private static final long INDEX_WAIT_SECONDS = 5;

    private final JdbcTemplate jdbc;
    private final TagIndex index;
    private final TagWeights weights;
    private final SimilarProperties properties;
    private final Clock clock;
    /** Time to compute one list, from the request's point of view: {@code newsroom_similar_ranking_seconds} at /actuator/prometheus. */
    private final Timer ranking;

    SimilarArticles(JdbcTemplate jdbc, TagIndex index, TagWeights weights, SimilarProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.index = index;
        this.weights = weights;
        this.properties = properties;
        this.clock = clock;
        // a bucket bound at exactly 5 ms beside the percentile histogram's (4.47, 5.59 ms ...): the target
        // at 1,000,000 articles is p99 <= 5 ms, which the histogram's own bounds could not tell (bench/similar.sh)
        this.ranking = Timer.builder("newsroom.similar.ranking").description("Computing one similar-articles list")
                .publishPercentileHistogram().serviceLevelObjectives(Duration.ofMillis(5)).register(meters);
    }

    /**
     * Any article's list (drafts too: an editor's view), its items' headlines as stored; empty for an
     * unknown article. Timed with the seed's statement (what bench/similar.sh measures as one list).
     */
    public Ranking rank(UUID articleId, int limit) {
        return ranking.record(() -> seed(articleId).map(seed -> compute(seed, limit, this::headlines))
                .orElseGet(() -> new Ranking(List.of(), List.of())));
    }

    /**
     * The list for a seed, its items' headlines from {@code headlines} (the content module's summaries
     * for readers' lists, so that the statement that loads what readers see also feeds the fold).
     * Timed from the seed on: a reader's seed is read before, with the slug check that may redirect.
     * Not in a transaction: the statements need no common snapshot (a list one commit behind in part
     * is a list a moment older), and a read-only transaction cost a BEGIN and a COMMIT per list.
     */
    public Ranking rank(Seed seed, int limit, Headlines headlines) {
        return ranking.record(() -> compute(seed, limit, headlines));
    }

    /** Any article, visible or not, as a seed. */
    public Optional<Seed> seed(UUID articleId) {
        return seedWhere("a.id = ?", articleId);
    }

    /**
     * A visible article by its slug as a seed (any spelling with the same key: the caller redirects
     * to the article's own). One statement for what a reader's list needs before its walk.
     */
    public Optional<Seed> visibleSeed(String slug) {
        return seedWhere(PublicArticles.VISIBLE + " AND a.slug_key = ?", Slugs.key(slug));
    }

    private Optional<Seed> seedWhere(String condition, Object value) {
        return jdbc.query(SEED + condition, (row, n) -> {
            Map<UUID, String> tags = new LinkedHashMap<>();
            UUID[] ids = array(row.getArray("ids"), UUID[].class);
            String[] names = array(row.getArray("names"), String[].class);
            for (int i = 0; i < ids.length; i++) {
                tags.put(ids[i], names[i]);
            }
            return new Seed(row.getObject("id", UUID.class), row.getString("slug"), row.getTimestamp("updated_at").toInstant(),
                    row.getString("headline"), tags, Set.copyOf(Arrays.asList(array(row.getArray("read_also"), UUID[].class))));
        }, value).stream().findFirst();
    }

    private Ranking compute(Seed seed, int limit, Headlines headlines) {
        if (seed.tags().isEmpty()) {
            return new Ranking(List.of(), List.of());
        }
        Set<UUID> excluded = new HashSet<>(seed.readAlso());
        excluded.add(seed.id());
        Map<UUID, Double> idf = weights.idf(seed.tags().keySet());
        if (!index.awaitBuilt(INDEX_WAIT_SECONDS)) {
            throw new IndexNotReadyException();
        }
        // Only the head of the ranking is kept, a few more than the list: the fewer kept, the higher
        // the worst kept score and the sooner the walk ends. The fold reads the head in ranking order,
        // so a longer head only adds items after these; when near-duplicates (or articles hidden
        // since the index read them) use the head up before the list is full, the walk is made again
        // with a head four times as long, until the list is full or every candidate has been met.
        List<UUID> tags = List.copyOf(seed.tags().keySet());
        for (int keep = limit + HEAD_MARGIN; ; keep *= 4) {
            List<Candidate> head = candidates(tags, excluded, idf, keep);
            Ranking ranking = fold(head, headlines, seed, idf, limit);
            if (ranking.items().size() >= limit || head.size() < keep) {
                return ranking;
            }
        }
    }

    /**
     * Every visible article sharing a tag with the seed, scored, best first; ties go to the newer
     * story, then by id, so lists are stable. Exact, and mostly short: the postings of the seed's tags
     * are walked one tag after the other, the rarest (heaviest) first, each newest first (TagIndex
     * orders them so), and an article met is scored from its own tags (every tag it shares, walked or
     * not). An article that carries a tag walked before was met there: scored, or shown unable to
     * enter, so it is passed over. What a tag's walk can still meet shares only that tag and lighter
     * ones, and a recency factor only falls with age: once the weights of this tag and the lighter
     * ones times the frontier's recency fall below the kept head's worst score, nothing further down
     * this tag's postings can enter, and its walk stops. Rare tags come first, so the head's worst
     * score is high before the popular tags (tens of thousands of postings, light weights) are
     * reached, whose walks then stop after a few articles. (Walking all tags together newest first
     * instead kept the worst score low for long, and heavy seeds walked popular tags far back.) Most
     * articles a walk meets share only the walked tag: the signature of their tags beside the postings
     * ({@link Postings}) shows that even at full recency they could not reach the head's worst score,
     * and they are passed over without reading their time or tags from elsewhere in memory.
     */
    private List<Candidate> candidates(List<UUID> tags, Set<UUID> excluded, Map<UUID, Double> idf, int keep) {
        if (tags.size() > Long.SIZE) {
            tags = tags.subList(0, Long.SIZE); // the shared tags are bits of a long; an article has at most 50
        }
        TagIndex.View view = index.view();
        long now = clock.instant().toEpochMilli(); // not clock.millis(): a microsecond Clock.tick divides by zero there (JDK 17)
        // the seed's tags, heaviest first: the order they are walked in
        List<UUID> byWeight = new ArrayList<>(tags);
        byWeight.sort(Comparator.comparingDouble((UUID tag) -> idf.get(tag)).reversed());
        int n = byWeight.size();
        double[] weight = new double[n];
        UUID[] seedTags = byWeight.toArray(UUID[]::new);
        long[] signatureBits = new long[n];
        for (int i = 0; i < n; i++) {
            weight[i] = idf.get(byWeight.get(i));
            signatureBits[i] = Postings.bits(byWeight.get(i));
        }
        double[] thisAndLighter = new double[n + 1]; // what an article a tag's walk meets can share at most
        for (int i = n - 1; i >= 0; i--) {
            thisAndLighter[i] = thisAndLighter[i + 1] + weight[i];
        }
        // the seed and its read-also articles: a handful, scanned (every article met is checked)
        int[] skipped = excluded.stream().mapToInt(view::number).toArray();
        // the worst of the best kept on top, by the same order as the final ranking
        java.util.PriorityQueue<Scored> best = new java.util.PriorityQueue<>(keep + 1, (a, b) -> compareScored(b, a));
        for (int walked = 0; walked < n; walked++) {
            if (best.size() == keep && thisAndLighter[walked] < best.peek().score) {
                break; // even at full recency, nothing this tag or a lighter one leads to could enter
            }
            long walkedBefore = (1L << walked) - 1; // the bits of the heavier tags, walked already
            Postings postings = view.postings(byWeight.get(walked));
            for (int at = 0; at < postings.size(); at++) {
                Scored worst = best.size() < keep ? null : best.peek();
                // the most the article can share with the seed, by its signature: this tag and the lighter ones it may carry
                long signature = postings.signature(at);
                double reach = weight[walked];
                for (int lighter = walked + 1; lighter < n; lighter++) {
                    if ((signature & signatureBits[lighter]) == signatureBits[lighter]) {
                        reach += weight[lighter];
                    }
                }
                boolean outOfReach = worst != null && reach < worst.score;
                if (outOfReach && at % FRONTIER_EVERY != 0) {
                    continue; // cannot enter even at full recency: nothing more of it is read
                }
                int article = postings.article(at);
                long visibleFrom = view.visibleFromMillis(article);
                if (visibleFrom > now) {
                    continue; // not visible (yet): at the head of the postings, before anything that is
                }
                double frontierRecency = properties.recencyAtAge(now - visibleFrom);
                if (worst != null && thisAndLighter[walked] * frontierRecency < worst.score) {
                    break; // nothing from here on in this tag could enter
                }
                if (outOfReach || worst != null && reach * frontierRecency < worst.score
                        || !view.isVisibleAt(article, now) || contains(skipped, article)) {
                    continue;
                }
                double overlap = 0;
                long shared = 0;
                for (UUID tag : view.tags(article)) {
                    for (int bit = 0; bit < n; bit++) { // a few tags each side: comparing beats hashing here
                        if (seedTags[bit].equals(tag) && (shared & (1L << bit)) == 0) {
                            overlap += weight[bit];
                            shared |= 1L << bit;
                            break;
                        }
                    }
                }
                if ((shared & walkedBefore) != 0) {
                    continue; // met in a heavier tag's walk already
                }
                double score = overlap * frontierRecency;
                if (worst != null && (score < worst.score || score == worst.score && visibleFrom < worst.visibleFrom)) {
                    continue; // cannot enter; a tie on both goes in, and the id settles it as in the final order
                }
                best.add(new Scored(visibleFrom, score, frontierRecency, shared, view.id(article)));
                if (best.size() > keep) {
                    best.poll();
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>(best.size());
        for (Scored scored : best) {
            List<UUID> sharedTags = new ArrayList<>(2);
            for (UUID tag : tags) { // in the seed's own order
                if ((scored.shared & (1L << byWeight.indexOf(tag))) != 0) {
                    sharedTags.add(tag);
                }
            }
            ranked.add(new Candidate(scored.id, Instant.ofEpochMilli(scored.visibleFrom), sharedTags, scored.score, scored.recency));
        }
        ranked.sort(RANKING);
        return ranked;
    }

    /** A SQL array's elements, none for NULL. */
    private static <T> T[] array(java.sql.Array array, Class<T[]> type) throws java.sql.SQLException {
        Object[] values = array == null ? new Object[0] : (Object[]) array.getArray();
        return Arrays.copyOf(values, values.length, type);
    }

    private static boolean contains(int[] numbers, int number) {
        for (int each : numbers) {
            if (each == number) {
                return true;
            }
        }
        return false;
    }

    /** A candidate while the postings are merged: numbers only, the tags it shares as bits of the seed's tag list. */
    private record Scored(long visibleFrom, double score, double recency, long shared, UUID id) {
    }

    /** Headlines as stored, for an editor's list. */
    private Map<UUID, Headline> headlines(List<UUID> ids) {
        Map<UUID, Headline> headlines = new HashMap<>();
        jdbc.query("SELECT id, slug, headline, source_id FROM articles WHERE id = ANY (?)", row -> {
            headlines.put(row.getObject("id", UUID.class), new Headline(row.getString("slug"), row.getString("headline"),
                    row.getObject("source_id", UUID.class)));
        }, (Object) ids.toArray(UUID[]::new));
        return headlines;
    }

    /**
     * Walks the ranking: keeps an item unless it is the seed's story or an item's story again, or its
     * source is full. Headlines are looked up as the walk reaches them, a few more than the list still
     * needs at a time: usually one statement, a second only when near-duplicates (or articles hidden
     * since the index read them) use up the first.
     */
    private Ranking fold(List<Candidate> ranked, Headlines lookup, Seed seed, Map<UUID, Double> idf, int limit) {
        Map<UUID, Set<String>> keptWords = new LinkedHashMap<>();
        keptWords.put(seed.id(), NearDuplicates.words(seed.headline()));
        Map<UUID, Headline> headlines = new HashMap<>();
        int lookedUp = 0;
        Map<UUID, Integer> perSource = new HashMap<>();
        List<Item> items = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (int i = 0; i < ranked.size() && items.size() < limit; i++) {
            if (i == lookedUp) {
                lookedUp = Math.min(ranked.size(), i + limit - items.size() + LOOKUP_MARGIN);
                headlines.putAll(lookup.of(ranked.subList(i, lookedUp).stream().map(Candidate::id).toList()));
            }
            Candidate candidate = ranked.get(i);
            Headline headline = headlines.get(candidate.id());
            if (headline == null) {
                continue; // deleted or hidden since the index read it
            }
            Set<String> words = NearDuplicates.words(headline.headline());
            UUID sameStory = null;
            double similarity = 0;
            for (Map.Entry<UUID, Set<String>> kept : keptWords.entrySet()) {
                double s = NearDuplicates.similarity(words, kept.getValue());
                if (s >= properties.duplicateThreshold() && s > similarity) {
                    sameStory = kept.getKey();
                    similarity = s;
                }
            }
            if (sameStory != null) {
                dropped.add(new Dropped(candidate.id(), headline.slug(), headline.headline(), "near-duplicate", sameStory,
                        round(similarity)));
                continue;
            }
            if (properties.maxPerSource() > 0 && headline.sourceId() != null
                    && perSource.merge(headline.sourceId(), 1, Integer::sum) > properties.maxPerSource()) {
                dropped.add(new Dropped(candidate.id(), headline.slug(), headline.headline(), "source limit", null, null));
                continue;
            }
            keptWords.put(candidate.id(), words);
            items.add(new Item(candidate.id(), headline.slug(), headline.headline(), headline.sourceId(), candidate.publishedAt(),
                    round(candidate.score()), round(candidate.recency()),
                    candidate.tags().stream().map(tag -> new SharedTag(tag, seed.tags().get(tag), round(idf.get(tag)))).toList()));
        }
        return new Ranking(items, dropped);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
