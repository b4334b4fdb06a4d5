package io.newsroom.similar;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Similar articles" under an article, from shared tags: published articles sharing at least one of
 * its tags, never itself or its read-also articles, ranked by the rarity of what they share and by
 * recency ({@link SimilarProperties}), with near-duplicate stories folded into the better-ranked one.
 * Candidates are the newest {@code candidatesPerTag} visible articles of each of the seed's tags, read
 * from the index on (tag, visible_at): the work per request is bounded however popular a tag is.
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

    private record Headline(String slug, String headline, UUID sourceId) {
    }

    private record Seed(Headline headline, Map<UUID, String> tags, List<UUID> related) {
    }

    private final JdbcTemplate jdbc;
    private final TagWeights weights;
    private final SimilarProperties properties;
    private final Clock clock;
    /** Time to compute one list, from the request's point of view: {@code newsroom_similar_ranking_seconds} at /actuator/prometheus. */
    private final Timer ranking;

    SimilarArticles(JdbcTemplate jdbc, TagWeights weights, SimilarProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.weights = weights;
        this.properties = properties;
        this.clock = clock;
        this.ranking = Timer.builder("newsroom.similar.ranking").description("Computing one similar-articles list")
                .publishPercentileHistogram().register(meters);
    }

    @Transactional(readOnly = true)
    public Ranking rank(UUID articleId, int limit) {
        return ranking.record(() -> compute(articleId, limit));
    }

    private Ranking compute(UUID articleId, int limit) {
        Seed seed = seed(articleId);
        if (seed == null || seed.tags().isEmpty()) {
            return new Ranking(List.of(), List.of());
        }
        Set<UUID> excluded = new HashSet<>(seed.related());
        excluded.add(articleId);
        Map<UUID, Double> idf = weights.idf(seed.tags().keySet());
        // Only the head of the ranking: enough to replace what near-duplicates remove.
        Map<UUID, Headline> headlines = new HashMap<>();
        List<Candidate> head = head(seed.tags().keySet(), excluded, idf, limit * 3 + 10, headlines);
        return fold(head, headlines, seed.headline(), seed.tags(), idf, articleId, limit);
    }

    /** The seed's headline, its tags in their order (id → name) and its read-also articles, in one statement. */
    private Seed seed(UUID articleId) {
        List<Seed> found = jdbc.query("""
                SELECT a.slug, a.headline, a.source_id, tg.ids, tg.names,
                       ARRAY(SELECT ra.related_article_id FROM related_articles ra WHERE ra.article_id = a.id) AS related
                FROM articles a
                LEFT JOIN LATERAL (
                  SELECT array_agg(t.id ORDER BY at.position) AS ids, array_agg(t.name ORDER BY at.position) AS names
                  FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) tg ON true
                WHERE a.id = ?""", (row, n) -> {
            Map<UUID, String> tags = new LinkedHashMap<>();
            Array ids = row.getArray("ids");
            if (ids != null) {
                UUID[] tagIds = (UUID[]) ids.getArray();
                String[] names = (String[]) row.getArray("names").getArray();
                for (int i = 0; i < tagIds.length; i++) {
                    tags.put(tagIds[i], names[i]);
                }
            }
            return new Seed(new Headline(row.getString("slug"), row.getString("headline"), row.getObject("source_id", UUID.class)), tags,
                    List.of((UUID[]) row.getArray("related").getArray()));
        }, articleId);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The best {@code size} candidates with their headlines, best first; ties go to the newer story,
     * then by id, so lists are stable. Scored in the database: a seed with eight tags brings up to
     * 2,400 (tag, article) rows, and sending them all to be summed here cost more than the summing
     * (async-profiler on the benchmark's similar scenario: a fifth of the service's time). The
     * score is {@link SimilarProperties}' formula, in float8 throughout (extract's numeric made the
     * power 25 µs a candidate); each sum adds a candidate's tags in the seed's order.
     */
    private List<Candidate> head(Set<UUID> tags, Set<UUID> excluded, Map<UUID, Double> idf, int size, Map<UUID, Headline> headlines) {
        UUID[] tagIds = tags.toArray(UUID[]::new);
        Double[] tagIdf = Arrays.stream(tagIds).map(idf::get).toArray(Double[]::new);
        double halfLife = properties.halfLife().toSeconds();
        return jdbc.query("""
                WITH seed AS (SELECT * FROM unnest(?::uuid[], ?::float8[]) WITH ORDINALITY AS s(tag_id, idf, n)),
                shared AS (
                  SELECT c.article_id, c.visible_at, s.tag_id, s.idf, s.n
                  FROM seed s CROSS JOIN LATERAL (
                    SELECT at.article_id, at.visible_at FROM article_tags at
                    WHERE at.tag_id = s.tag_id AND at.visible_at IS NOT NULL AND at.visible_at <= now()
                    ORDER BY at.visible_at DESC LIMIT ?) c
                  WHERE c.article_id <> ALL (?::uuid[])),
                scored AS (
                  SELECT article_id, max(visible_at) AS published_at, array_agg(tag_id ORDER BY n) AS tags, sum(idf ORDER BY n) AS overlap
                  FROM shared GROUP BY article_id),
                recent AS (
                  SELECT *, 1 - ? + ? * power(2::float8, -greatest(0, floor(extract(epoch FROM ?::timestamptz - published_at)::float8)) / ?)
                      AS recency
                  FROM scored),
                best AS (
                  SELECT article_id, published_at, tags, overlap * recency AS score, recency FROM recent
                  ORDER BY score DESC, published_at DESC, article_id LIMIT ?)
                SELECT b.*, a.slug, a.headline, a.source_id FROM best b JOIN articles a ON a.id = b.article_id
                ORDER BY b.score DESC, b.published_at DESC, b.article_id""", (row, n) -> {
            UUID id = row.getObject("article_id", UUID.class);
            headlines.put(id, new Headline(row.getString("slug"), row.getString("headline"), row.getObject("source_id", UUID.class)));
            return new Candidate(id, row.getTimestamp("published_at").toInstant(), List.of((UUID[]) row.getArray("tags").getArray()),
                    row.getDouble("score"), row.getDouble("recency"));
        }, tagIds, tagIdf, properties.candidatesPerTag(), excluded.toArray(UUID[]::new), properties.recencyWeight(),
                properties.recencyWeight(), Timestamp.from(clock.instant()), halfLife, size);
    }

    /** Walks the ranking: keeps an item unless it is the seed's story or an item's story again, or its source is full. */
    private Ranking fold(List<Candidate> ranked, Map<UUID, Headline> headlines, Headline seed, Map<UUID, String> seedTags,
                         Map<UUID, Double> idf, UUID seedId, int limit) {
        Map<UUID, Set<String>> keptWords = new LinkedHashMap<>();
        if (seed != null) {
            keptWords.put(seedId, NearDuplicates.words(seed.headline()));
        }
        Map<UUID, Integer> perSource = new HashMap<>();
        List<Item> items = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Candidate candidate : ranked) {
            if (items.size() == limit) {
                break;
            }
            Headline headline = headlines.get(candidate.id());
            if (headline == null) {
                continue; // deleted between the two queries
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
                    candidate.tags().stream().map(tag -> new SharedTag(tag, seedTags.get(tag), round(idf.get(tag)))).toList()));
        }
        return new Ranking(items, dropped);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
