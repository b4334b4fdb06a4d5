package io.newsroom.content.cache;

import io.newsroom.article.ReaderVisibility;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
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
 * <li>while changes cannot be heard, nothing is served from it or stored in it, except when the
 * database cannot be reached either: then the copies it holds, which were right when the database
 * was last heard, are served marked as stale ({@link #lastCopy}), so the site stays readable
 * through an outage; when the database is heard again it is emptied first.</li>
 * </ul>
 */
@Component
public class ContentResponseCache {

    /** A stored response. {@code lastModified} is -1 when the response had none. */
    record Entry(byte[] body, List<Map.Entry<String, String>> headers, String etag, long lastModified, long expiresAt, long storedAt) {
    }

    /**
     * How many distinct URLs are remembered as asked for once (AskedUrls: about as many; 2 MB). A
     * collision of two URLs' fingerprints only stores a response one request early.
     */
    private static final int REMEMBERED_URLS = 131_072;

    /**
     * How many distinct URLs are remembered for pages that stored renderings answer (StoredRenderings):
     * such a page is kept here only when asked for again before about this many others. Computing it
     * again is one indexed read, so keeping it pays only for a popular one. Readers spread over a whole
     * archive would otherwise fill the cache with pages read once or twice, each stored in place of an
     * older one once the cache is full: garbage that reaches the old generation, and full collections
     * that stop the service for longer than the reads they save. The shorter the memory, the fewer
     * random pages qualify (docs/benchmarks.md, "Response cache"); a page asked for many times a second
     * still does. Other pages (lists, search, similar lists) cost real work to compute again and keep
     * the longer memory.
     */
    private static final int REMEMBERED_STORED_PAGES = 256;

    private final Cache<String, Entry> entries;
    /** URLs asked for once: a response is stored on its second request, not its first. */
    private final AskedUrls askedOnce;
    /** The same, for the last few URLs only: what a page answered from a stored rendering must have been. */
    private final AskedUrls askedRecently;
    private final AtomicLong generation = new AtomicLong();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long ttlMillis;
    private final boolean configuredOn;
    private volatile boolean listening;
    /** Set by the listener when it cannot connect: the database is down, not just the listening connection. */
    private volatile boolean databaseUnreachable;
    private volatile long nextVisibilityChange = -1;

    ContentResponseCache(CacheProperties properties, JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(properties.responseCacheSize().toBytes())
                .weigher((String key, Entry entry) -> entry.body().length + key.length() * 2 + 512)
                .recordStats()
                .build();
        // cache_gets_total{cache="content-responses",result="hit|miss"}, cache_evictions_total, cache_size, ...
        CaffeineCacheMetrics.monitor(registry, entries, "content-responses");
        this.askedOnce = new AskedUrls(REMEMBERED_URLS, properties.responseCacheTtl().toMillis());
        this.askedRecently = new AskedUrls(REMEMBERED_STORED_PAGES, properties.responseCacheTtl().toMillis());
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttlMillis = properties.responseCacheTtl().toMillis();
        this.configuredOn = properties.responseCache();
    }

    boolean isActive() {
        return configuredOn && listening;
    }

    boolean isConfiguredOn() {
        return configuredOn;
    }

    boolean isListening() {
        return listening;
    }

    /** Changes can be heard again: whatever changed meanwhile is unknown, so everything held goes. */
    void enable() {
        invalidateAll();
        databaseUnreachable = false;
        listening = true;
    }

    /**
     * Changes can no longer be heard. The entries stay, unserved, as the last copies to fall back on
     * should the database itself be unreachable ({@link #lastCopy}).
     */
    void disable() {
        listening = false;
    }

    void databaseUnreachable(boolean unreachable) {
        databaseUnreachable = unreachable;
    }

    boolean isDatabaseUnreachable() {
        return databaseUnreachable;
    }

    /** The copy held for {@code key}, however old: for serving marked as stale while the database is down. */
    Entry lastCopy(String key) {
        return configuredOn ? entries.getIfPresent(key) : null;
    }

    void invalidateAll() {
        generation.incrementAndGet();
        nextVisibilityChange = -1;
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
        if (now >= nextVisibilityChange()) {
            invalidateAll();
            return null;
        }
        Entry entry = entries.getIfPresent(key);
        return entry == null || entry.expiresAt() <= now ? null : entry;
    }

    /** Whether a URL was asked for before this request: at all (as far as remembered), and among the last few. */
    record Asked(boolean before, boolean recently) {
    }

    /**
     * Counts a request for {@code key}, and says whether a response for it is worth storing: only once
     * the URL has been asked for before ({@code before}). Most URLs of a large archive are read once in
     * a cache's lifetime (a random article, a never-repeated search); storing them costs more CPU and
     * memory than their rare hits save. A page answered from a stored rendering is kept only when also asked for
     * {@code recently} ({@link #REMEMBERED_STORED_PAGES}).
     */
    Asked ask(String key) {
        long fingerprint = fingerprint(key);
        long now = clock.instant().toEpochMilli();
        boolean recently = askedRecently.ask(fingerprint, now);
        return new Asked(askedOnce.ask(fingerprint, now), recently);
    }

    /** 64-bit FNV-1a of the key's characters. */
    private static long fingerprint(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    /** Stores a response computed since {@code generationAtStart}, unless a change landed meanwhile. */
    void put(String key, long generationAtStart, byte[] body, List<Map.Entry<String, String>> headers, String etag, long lastModified) {
        if (!isActive()) {
            return;
        }
        long now = clock.instant().toEpochMilli();
        long expiresAt = Math.min(now + ttlMillis, nextVisibilityChange());
        if (generation.get() == generationAtStart) {
            entries.put(key, new Entry(body, headers, etag, lastModified, expiresAt, now));
            if (generation.get() != generationAtStart) {
                entries.invalidate(key); // a change landed while storing
            }
        }
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /**
     * When readers' view next changes with no write (a scheduled article appears, a planned
     * unpublishing hides one), epoch millis, or never. Read once per generation.
     */
    private long nextVisibilityChange() {
        long known = nextVisibilityChange;
        if (known >= 0) {
            return known;
        }
        Timestamp next = jdbc.queryForObject(ReaderVisibility.NEXT_CHANGE, Timestamp.class);
        long value = next == null ? Long.MAX_VALUE : next.getTime();
        nextVisibilityChange = value;
        return value;
    }
}
