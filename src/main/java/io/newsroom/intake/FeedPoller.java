package io.newsroom.intake;

import io.newsroom.ingest.IngestDocument;
import io.newsroom.ingest.IngestService;
import io.newsroom.problem.ApiProblem;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.DatabaseUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls due feeds on every instance. Feeds are claimed (FeedSubscriptions.claimDue) so each is
 * polled by one instance at a time, and polled on a pool of {@code concurrency} threads, so a slow,
 * huge or endless feed holds one thread until its deadline and delays no other. One item failing
 * (a headline too long, a database constraint) is named in the report; the others still go in.
 */
@Component
public class FeedPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final int MAX_KEPT_WARNINGS = 50;

    /**
     * What one poll did: {@code status} OK, NOT_MODIFIED, FAILED or DISABLED, with counts, errors and
     * warnings (kept in the feed's health too). {@code duplicates}: items given twice in the document;
     * {@code joinedStories}: new items that told a story already published and joined it (counted in
     * {@code created} too).
     */
    @Schema(name = "FeedPollReport")
    public record Report(String status, Integer httpStatus, int created, int updated, int unchanged, int duplicates, int joinedStories,
                         int failed, List<String> errors, List<String> warnings) {
    }

    private final FeedSubscriptions feeds;
    private final FeedFetcher fetcher;
    private final IngestService ingest;
    private final StoryIntake storyIntake;
    private final FeedProperties properties;
    private final Clock clock;
    /** Made anew by each start: a stop that drops queued polls cannot leave the next start with fewer. */
    private volatile Semaphore slots;
    private volatile ExecutorService pool;
    private volatile boolean running;

    FeedPoller(FeedSubscriptions feeds, FeedFetcher fetcher, IngestService ingest, StoryIntake storyIntake, FeedProperties properties, Clock clock) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.ingest = ingest;
        this.storyIntake = storyIntake;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        slots = new Semaphore(properties.concurrency());
        pool = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "feed-poller");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Scheduled(fixedDelayString = "${newsroom.feeds.poll-interval:1s}", initialDelayString = "${newsroom.feeds.poll-interval:1s}")
    void pollDue() {
        if (!running) {
            return;
        }
        // this round's slots and pool, even if a stop and a start replace them meanwhile
        Semaphore slots = this.slots;
        ExecutorService pool = this.pool;
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        List<FeedSubscription> due;
        try {
            due = feeds.claimDue(free, clock.instant().plus(properties.claimTimeout()));
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                log.warn("Feed polling skipped: the database cannot be reached ({})", e.getMessage());
                return;
            }
            throw e;
        }
        for (FeedSubscription feed : due) {
            slots.acquireUninterruptibly();
            try {
                pool.execute(() -> pollThenTakeTheNext(feed, slots));
            } catch (RejectedExecutionException stopped) {
                // stopped while claiming: the claims run out and whoever runs then polls these feeds
                slots.release();
                return;
            }
        }
    }

    /**
     * Polls the feed, then, while feeds are due, claims and polls the next one on the same thread:
     * a round of many quick polls (304s) keeps every slot busy instead of waiting for the next tick.
     */
    private void pollThenTakeTheNext(FeedSubscription first, Semaphore slots) {
        try {
            FeedSubscription feed = first;
            while (feed != null) {
                try {
                    poll(feed);
                } catch (RuntimeException e) {
                    log.warn("Polling feed {} failed: {}", feed.url(), e.toString());
                }
                feed = running ? next() : null;
            }
        } finally {
            slots.release();
        }
    }

    private FeedSubscription next() {
        try {
            return feeds.claimDue(1, clock.instant().plus(properties.claimTimeout())).stream().findFirst().orElse(null);
        } catch (RuntimeException e) {
            return null; // the database is away: the next tick tries again
        }
    }

    /** An editor's "poll now": this instance polls it at once and answers the report; 409 while another poll holds it. */
    public Report pollNow(UUID sourceId, UUID feedId) {
        FeedSubscription feed = feeds.claim(sourceId, feedId, clock.instant().plus(properties.claimTimeout()))
                .orElseThrow(() -> new ConflictProblem("The feed is being polled right now; its report will be in its health shortly"));
        return poll(feed);
    }

    Report poll(FeedSubscription feed) {
        FeedFetcher.Fetched fetched = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
        Instant now = clock.instant();
        if (fetched.notModified()) {
            feeds.recordPoll(feed.id(), new FeedSubscriptions.Outcome(now, 304, null, 0, now.plus(feed.pollInterval()), null, false, null, null,
                    fetched.permanentUrl(), null, 0, 0, 0));
            return new Report("NOT_MODIFIED", 304, 0, 0, 0, 0, 0, 0, List.of(), List.of());
        }
        if (!fetched.ok()) {
            return failed(feed, fetched.status() == 0 ? null : fetched.status(), fetched.error(), fetched.permanentUrl(), now);
        }
        FeedCharsets.Decoded decoded = FeedCharsets.decode(fetched.body(), fetched.contentType());
        FeedParser.Parsed parsed;
        try {
            parsed = FeedParser.parse(decoded.text());
        } catch (Exception e) {
            return failed(feed, fetched.status(), "The feed could not be read as RSS, Atom or JSON Feed: " + e.getMessage(), fetched.permanentUrl(), now);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int duplicates = 0;
        int joined = 0;
        int failedItems = parsed.unreadable().size();
        List<String> errors = new ArrayList<>(parsed.unreadable());
        List<String> warnings = new ArrayList<>(decoded.warnings());
        warnings.addAll(parsed.warnings());
        Set<String> keys = new HashSet<>();
        Set<String> known = ingest.knownUris(parsed.items().stream().map(item -> FeedItemMapper.key(feed, item)).toList());
        List<IngestDocument> fresh = new ArrayList<>();
        for (FeedParser.Item item : parsed.items()) {
            String key = FeedItemMapper.key(feed, item);
            if (!keys.add(key)) {
                duplicates++; // the same item twice in one document
                continue;
            }
            try {
                FeedItemMapper.Mapped mapped = FeedItemMapper.map(feed, parsed.language(), item, now);
                warnings.addAll(mapped.notes());
                ingest.check(mapped.document().content());
                if (!known.contains(key)) {
                    if (mapped.undecodable()) {
                        warnings.add(label(item) + ": holds bytes that could not be decoded (U+FFFD); kept as a draft for an editor");
                    }
                    fresh.add(mapped.document());
                } else if (mapped.undecodable()) {
                    warnings.add(label(item) + ": holds bytes that could not be decoded (U+FFFD); the change was not applied");
                    unchanged++;
                } else if (ingest.ingest(mapped.document()).outcome() == IngestService.Outcome.UPDATED) {
                    updated++;
                } else {
                    unchanged++;
                }
            } catch (RuntimeException e) {
                failedItems++;
                errors.add(label(item) + ": " + describe(e, feed));
            }
        }
        for (StoryIntake.Created made : storyIntake.create(fresh)) {
            if (made.failure() != null) {
                failedItems++;
                errors.add(FeedItemMapper.label(made.document()) + ": " + describe(made.failure(), feed));
            } else if (made.result().outcome() == IngestService.Outcome.CREATED) {
                created++;
                joined += made.joinedStory() ? 1 : 0;
                // a photo that could not be kept leaves the item with the sender's URL, and the report says so
                made.result().warnings().forEach(warning -> warnings.add(FeedItemMapper.label(made.document()) + ": " + warning));
            } else {
                unchanged++; // another instance took the item in a moment before
            }
        }
        // The validators are kept only when every item went in: an item that failed (the database was
        // busy, a constraint) is tried again by the next poll instead of hiding behind a 304.
        boolean complete = failedItems == 0;
        feeds.recordPoll(feed.id(), new FeedSubscriptions.Outcome(now, fetched.status(), null, 0, now.plus(feed.pollInterval()), null, true,
                complete ? fetched.etag() : null, complete ? fetched.lastModified() : null, fetched.permanentUrl(), kept(warnings),
                parsed.items().size(), created, updated));
        return new Report("OK", fetched.status(), created, updated, unchanged, duplicates, joined, failedItems, errors, warnings);
    }

    /** A failed poll backs off exponentially; 410 Gone, or too many failures in a row, disables the feed with the reason. */
    private Report failed(FeedSubscription feed, Integer status, String error, String movedTo, Instant now) {
        int failures = feed.consecutiveFailures() + 1;
        String disabled = null;
        if (status != null && status == 410) {
            disabled = "The feed is gone (410); re-enable it once it is back";
        } else if (failures >= properties.maxFailures()) {
            disabled = failures + " consecutive failures; the last: " + error;
        }
        feeds.recordPoll(feed.id(), new FeedSubscriptions.Outcome(now, status, error, failures, now.plus(properties.backoffAfter(failures,
                feed.pollInterval())), disabled, false, null, null, movedTo, null, 0, 0, 0));
        return new Report(disabled == null ? "FAILED" : "DISABLED", status, 0, 0, 0, 0, 0, 0, List.of(error), List.of());
    }

    /** The warnings the feed's health keeps: enough to find what to look at, not a log. */
    private static List<String> kept(List<String> warnings) {
        return warnings.stream().limit(MAX_KEPT_WARNINGS).map(w -> w.length() > 1000 ? w.substring(0, 999) + "…" : w).toList();
    }

    private static String label(FeedParser.Item item) {
        return item.guid() != null ? item.guid() : item.link() != null ? item.link() : String.valueOf(item.title());
    }

    /** What the report says of an item that failed; a database outage is not the item's fault: it fails the whole poll. */
    private static String describe(RuntimeException failure, FeedSubscription feed) {
        if (DatabaseUnavailable.isCause(failure)) {
            throw failure; // the claim runs out and the feed is polled again
        }
        if (failure instanceof ApiProblem problem) {
            Object errors = problem.properties().get("errors");
            return problem.getMessage() + (errors == null ? "" : " " + errors);
        }
        log.warn("An item of feed {} could not be stored", feed.url(), failure);
        return failure.getClass().getSimpleName();
    }
}
