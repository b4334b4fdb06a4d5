package io.newsroom.similar;

import io.newsroom.article.ReaderVisibility;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * How rare each tag is among published articles: {@code idf(t) = ln(1 + N / n(t))}. The counts of
 * all tags are taken in one query in the background every {@code newsroom.similar.tag-weight-refresh}
 * (they move slowly), so no request has to count a tag on 50,000 articles; a tag the snapshot does
 * not know yet (new since) is counted when it is asked for. With a refresh of 0, every request counts.
 * Which articles are candidates never comes from here: a stale weight can reorder a list, never show
 * an unpublished article.
 */
@Component
class TagWeights {

    private static final Logger log = LoggerFactory.getLogger(TagWeights.class);

    private record Snapshot(int publishedArticles, Map<UUID, Integer> articlesPerTag) {
    }

    private final JdbcTemplate jdbc;
    private final TaskScheduler scheduler;
    private final Duration refresh;
    private volatile Snapshot snapshot;

    TagWeights(JdbcTemplate jdbc, TaskScheduler scheduler, SimilarProperties properties) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.refresh = properties.tagWeightRefresh();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRefreshing() {
        if (!refresh.isZero()) {
            scheduler.scheduleWithFixedDelay(this::refresh, refresh);
        }
    }

    void refresh() {
        try {
            long started = System.nanoTime();
            Map<UUID, Integer> counts = new HashMap<>();
            jdbc.query("SELECT tag_id, count(*) AS articles FROM article_tags at WHERE " + ReaderVisibility.copyNow("at") + " GROUP BY tag_id",
                    row -> {
                        counts.put(row.getObject("tag_id", UUID.class), row.getInt("articles"));
                    });
            snapshot = new Snapshot(publishedArticles(), counts);
            log.debug("Tag weights: {} tags counted in {} ms", counts.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Could not count tags for similar-article weights; keeping the previous counts: {}", e.getMessage());
        }
    }

    /** idf of each tag; a tag on no published article weighs as if it were on one. */
    Map<UUID, Double> idf(Collection<UUID> tags) {
        Snapshot current = refresh.isZero() ? null : snapshot;
        int total = current == null ? publishedArticles() : current.publishedArticles();
        Map<UUID, Integer> known = new HashMap<>();
        if (current != null) {
            tags.forEach(tag -> {
                Integer count = current.articlesPerTag().get(tag);
                if (count != null) {
                    known.put(tag, count);
                }
            });
        }
        List<UUID> missing = tags.stream().filter(tag -> !known.containsKey(tag)).toList();
        if (!missing.isEmpty()) {
            known.putAll(count(missing));
        }
        Map<UUID, Double> idf = new HashMap<>();
        for (UUID tag : tags) {
            idf.put(tag, Math.log(1 + Math.max(1, total) / (double) Math.max(1, known.get(tag))));
        }
        return idf;
    }

    private Map<UUID, Integer> count(List<UUID> tags) {
        Map<UUID, Integer> counted = new HashMap<>();
        tags.forEach(tag -> counted.put(tag, 0));
        jdbc.query("""
                SELECT tag_id, count(*) AS articles FROM article_tags at
                WHERE tag_id = ANY (?) AND """ + " " + ReaderVisibility.copyNow("at") + " GROUP BY tag_id",
                row -> {
                    counted.put(row.getObject("tag_id", UUID.class), row.getInt("articles"));
                }, (Object) tags.toArray(UUID[]::new));
        return counted;
    }

    private int publishedArticles() {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM articles a WHERE """ + " " + ReaderVisibility.articleNow("a"),
                Integer.class);
        return count == null ? 0 : count;
    }
}
