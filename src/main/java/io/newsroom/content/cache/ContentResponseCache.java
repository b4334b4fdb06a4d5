package io.newsroom.content.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsroom.content.CacheProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finished public responses (bytes and headers), kept in memory so that a repeated request costs no
 * query, no serialisation and no hashing. Correctness rules:
 * <ul>
 * <li>every committed change empties it (ContentChangeListener, on all instances);</li>
 * <li>a response computed while a change landed is not stored (the generation check);</li>
 * <li>entries never outlive the moment the next scheduled article becomes visible, which happens
 * without any write;</li>
 * <li>while changes cannot be heard, nothing is cached.</li>
 * </ul>
 */
@Component
public class ContentResponseCache {

    /** A stored response. {@code lastModified} is -1 when the response had none. */
    record Entry(byte[] body, List<Map.Entry<String, String>> headers, String etag, long lastModified, long expiresAt) {
    }

    private final Cache<String, Entry> entries;
    private final AtomicLong generation = new AtomicLong();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long ttlMillis;
    private final boolean configuredOn;
    private volatile boolean listening;
    private volatile long nextScheduledVisibility = -1;

    ContentResponseCache(CacheProperties properties, JdbcTemplate jdbc, Clock clock) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(properties.responseCacheSize().toBytes())
                .weigher((String key, Entry entry) -> entry.body().length + key.length() * 2 + 512)
                .build();
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttlMillis = properties.responseCacheTtl().toMillis();
        this.configuredOn = properties.responseCache();
    }

    boolean isActive() {
        return configuredOn && listening;
    }

    void enable() {
        invalidateAll();
        listening = true;
    }

    void disable() {
        listening = false;
        invalidateAll();
    }

    void invalidateAll() {
        generation.incrementAndGet();
        nextScheduledVisibility = -1;
        entries.invalidateAll();
    }

    long generation() {
        return generation.get();
    }

    Entry get(String key) {
        if (!isActive()) {
            return null;
        }
        long now = clock.instant().toEpochMilli();
        if (now >= nextScheduledVisibility() ) {
            invalidateAll();
            return null;
        }
        Entry entry = entries.getIfPresent(key);
        return entry == null || entry.expiresAt() <= now ? null : entry;
    }

    /** Stores a response computed since {@code generationAtStart}, unless a change landed meanwhile. */
    void put(String key, long generationAtStart, byte[] body, List<Map.Entry<String, String>> headers, String etag, long lastModified) {
        if (!isActive()) {
            return;
        }
        long expiresAt = Math.min(clock.instant().toEpochMilli() + ttlMillis, nextScheduledVisibility());
        if (generation.get() == generationAtStart) {
            entries.put(key, new Entry(body, headers, etag, lastModified, expiresAt));
            if (generation.get() != generationAtStart) {
                entries.invalidate(key); // a change landed while storing
            }
        }
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** When the next scheduled article becomes visible (epoch millis), or never. Read once per generation. */
    private long nextScheduledVisibility() {
        long known = nextScheduledVisibility;
        if (known >= 0) {
            return known;
        }
        Timestamp next = jdbc.queryForObject(
                "SELECT min(published_at) FROM articles WHERE status = 'SCHEDULED' AND deleted_at IS NULL AND published_at > now()",
                Timestamp.class);
        long value = next == null ? Long.MAX_VALUE : next.getTime();
        nextScheduledVisibility = value;
        return value;
    }
}
