package io.newsroom.similar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How rare each tag is among published articles: {@code idf(t) = ln(1 + N / n(t))}. Counts are kept
 * for {@code newsroom.similar.tag-weight-ttl}: they move slowly, and counting a tag on 50,000 articles
 * at every request would cost more than the rest of the ranking. Which articles are candidates never
 * comes from here, so a stale weight can reorder a list but never show an unpublished article.
 */
@Component
class TagWeights {

    private static final Object TOTAL = new Object();

    private final JdbcTemplate jdbc;
    private final Cache<Object, Integer> counts;

    TagWeights(JdbcTemplate jdbc, SimilarProperties properties) {
        this.jdbc = jdbc;
        this.counts = Caffeine.newBuilder().expireAfterWrite(properties.tagWeightTtl()).maximumSize(200_000).build();
    }

    /** idf of each tag; a tag on no published article weighs as if it were on one. */
    Map<UUID, Double> idf(Collection<UUID> tags) {
        int total = Math.max(1, counts.get(TOTAL, key -> publishedArticles()));
        Map<UUID, Integer> known = new HashMap<>();
        for (UUID tag : tags) {
            Integer count = counts.getIfPresent(tag);
            if (count != null) {
                known.put(tag, count);
            }
        }
        List<UUID> missing = tags.stream().filter(tag -> !known.containsKey(tag)).toList();
        if (!missing.isEmpty()) {
            Map<UUID, Integer> counted = count(missing);
            counted.forEach(counts::put);
            known.putAll(counted);
        }
        Map<UUID, Double> idf = new HashMap<>();
        for (UUID tag : tags) {
            idf.put(tag, Math.log(1 + total / (double) Math.max(1, known.get(tag))));
        }
        return idf;
    }

    private Map<UUID, Integer> count(List<UUID> tags) {
        Map<UUID, Integer> counted = new HashMap<>();
        tags.forEach(tag -> counted.put(tag, 0));
        jdbc.query("""
                SELECT tag_id, count(*) AS articles FROM article_tags
                WHERE tag_id = ANY (?) AND visible_at IS NOT NULL AND visible_at <= now() GROUP BY tag_id""",
                row -> {
                    counted.put(row.getObject("tag_id", UUID.class), row.getInt("articles"));
                }, (Object) tags.toArray(UUID[]::new));
        return counted;
    }

    private int publishedArticles() {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM articles WHERE deleted_at IS NULL AND status IN ('PUBLISHED', 'SCHEDULED') AND published_at <= now()""",
                Integer.class);
        return count == null ? 0 : count;
    }
}
