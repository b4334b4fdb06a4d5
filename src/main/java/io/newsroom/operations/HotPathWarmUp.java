package io.newsroom.operations;

import io.newsroom.content.PublicArticles;
import io.newsroom.content.SiteProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Readers' requests sent by the instance to itself, over HTTP on 127.0.0.1, for
 * {@code newsroom.warm-up.duration} after start-up, while readiness ({@code warmUp} in the readiness
 * group) stays DOWN. A fresh JVM interprets the hot paths first and compiles them with C2 only after
 * minutes of traffic, so a fresh instance serves far below its settled rate at first. Warmed up
 * before the load balancer sends readers, it starts nearer
 * that rate. The requests are the content API's own (articles by slug as JSON and ninjs, lists,
 * similar lists, search) for a random sample of visible articles; answers are read and dropped.
 * Before them, PostgreSQL's buffers are loaded with what readers read ({@link DatabaseBufferWarmUp}).
 * Half the threads walk the archive's article pages newest first instead ({@link Archive}), which
 * also stores the renderings a new release needs.
 */
@Component("warmUp") // the health contributor's name in the readiness group
class HotPathWarmUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(HotPathWarmUp.class);
    private static final int SAMPLE = 1_000;

    private final WarmUpProperties properties;
    private final DatabaseBufferWarmUp databaseBuffers;
    private final JdbcTemplate jdbc;
    private final PublicArticles articles;
    private final Environment environment;
    private volatile boolean done;

    HotPathWarmUp(WarmUpProperties properties, DatabaseBufferWarmUp databaseBuffers, JdbcTemplate jdbc, PublicArticles articles,
                  Environment environment) {
        this.properties = properties;
        this.databaseBuffers = databaseBuffers;
        this.jdbc = jdbc;
        this.articles = articles;
        this.environment = environment;
        this.done = properties.duration().isZero();
    }

    @Override
    public Health health() {
        return done ? Health.up().build() : Health.down().withDetail("reason", "warming up the hot paths").build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (done) {
            return;
        }
        Thread warmUp = new Thread(this::warmUp, "hot-path-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private void warmUp() {
        try {
            if (properties.databaseBuffers()) {
                databaseBuffers.load();
            }
            List<String> paths = paths();
            if (paths.isEmpty()) {
                return; // nothing published yet: nothing to warm up with
            }
            String base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
            long until = System.nanoTime() + properties.duration().toNanos();
            AtomicLong sent = new AtomicLong();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            List<Thread> threads = new ArrayList<>();
            Archive archive = new Archive();
            for (int i = 0; i < properties.threads(); i++) {
                // half the threads walk the archive's pages newest first while any are left, the others send the mix
                boolean walking = i % 2 == 1;
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < until) {
                        String next = walking ? archive.next() : null;
                        String path = next != null ? next : paths.get(ThreadLocalRandom.current().nextInt(paths.size()));
                        try {
                            client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            sent.incrementAndGet();
                        } catch (java.io.IOException e) {
                            sleepQuietly(); // a failing request warms nothing; do not spin on it
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }, "hot-path-warm-up-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            log.info("Warmed up with {} requests in {} s, {} of them the archive's article pages, newest first", sent.get(),
                    properties.duration().toSeconds(), archive.handedOut());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Warm-up stopped early: {}", e.getMessage());
        } finally {
            done = true;
        }
    }

    /**
     * Every visible article's page, newest first, as far as the warm-up's time goes: asking for one
     * renders and stores it if its stored rendering is missing or out of date (StoredRenderings; after
     * a release that renders differently, all of them), and reads the stored one into PostgreSQL's
     * buffers otherwise, so readers' first requests after a start find the newest articles ready.
     * Slugs are read 1,000 at a time (articles sharing a page's last publication time to the
     * microsecond are left to readers).
     */
    private final class Archive {
        private final ArrayDeque<String> batch = new ArrayDeque<>();
        private Instant before = Instant.parse("9999-12-31T00:00:00Z");
        private boolean exhausted;
        private long handedOut;

        synchronized String next() {
            if (batch.isEmpty() && !exhausted) {
                List<PublicArticles.Listed> found = articles.slugsNewestFirst(before, 1_000);
                found.forEach(article -> batch.add("/api/content/articles/" + SiteProperties.encode(article.slug())));
                exhausted = found.size() < 1_000;
                if (!found.isEmpty()) {
                    before = found.get(found.size() - 1).visibleFrom();
                }
            }
            String path = batch.poll();
            if (path != null) {
                handedOut++;
            }
            return path;
        }

        synchronized long handedOut() {
            return handedOut;
        }
    }

    /** The content API's requests for a random sample of visible articles, in the mix readers send. */
    private List<String> paths() {
        List<String> slugs = jdbc.queryForList("SELECT a.slug FROM articles a WHERE " + PublicArticles.VISIBLE
                + " ORDER BY random() LIMIT " + SAMPLE, String.class);
        List<String> paths = new ArrayList<>();
        for (String slug : slugs) {
            String article = "/api/content/articles/" + SiteProperties.encode(slug);
            paths.add(article);
            paths.add(article);
            paths.add(article + "?format=ninjs");
            paths.add(article + "/similar");
            String word = slug.split("-")[0];
            paths.add("/api/content/search?limit=10&q=" + SiteProperties.encode(word));
        }
        if (!paths.isEmpty()) {
            paths.add("/api/content/articles?limit=15");
        }
        return paths;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
