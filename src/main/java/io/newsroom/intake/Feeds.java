package io.newsroom.intake;

import io.newsroom.audit.AuditLog;
import io.newsroom.outbound.OutboundTargets;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.source.SourceService;
import io.newsroom.text.CleanText;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editors' work on a source's feeds: each change checked (the URL against the outbound rule) and audited. */
@Service
public class Feeds {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    private final FeedSubscriptions subscriptions;
    private final SourceService sources;
    private final AuditLog audit;
    private final FeedProperties properties;
    private final Clock clock;

    Feeds(FeedSubscriptions subscriptions, SourceService sources, AuditLog audit, FeedProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.sources = sources;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What an editor sends; null fields take their defaults (5 minutes, PUBLISH, the feed's language, no tags, enabled). */
    public record FeedSettings(String url, Duration pollInterval, String mode, String language, List<String> defaultTags, Boolean enabled) {
    }

    @Transactional(readOnly = true)
    public List<FeedSubscription> list(UUID sourceId) {
        sources.get(sourceId);
        return subscriptions.list(sourceId);
    }

    @Transactional(readOnly = true)
    public FeedSubscription get(UUID sourceId, UUID feedId) {
        return subscriptions.get(sourceId, feedId);
    }

    @Transactional
    public FeedSubscription create(UUID sourceId, FeedSettings settings) {
        sources.get(sourceId);
        FeedSubscription feed = subscriptions.insert(sourceId, checked(settings), clock.instant());
        audit.record("feed.created", "feed", feed.id(), null, Map.of("sourceId", sourceId, "url", feed.url()));
        return feed;
    }

    @Transactional
    public FeedSubscription update(UUID sourceId, UUID feedId, FeedSettings settings) {
        FeedSubscription feed = subscriptions.update(sourceId, feedId, checked(settings), clock.instant());
        audit.record("feed.updated", "feed", feedId, null, Map.of("sourceId", sourceId, "url", feed.url(), "enabled", feed.enabled()));
        return feed;
    }

    @Transactional
    public void delete(UUID sourceId, UUID feedId) {
        subscriptions.delete(sourceId, feedId);
        audit.record("feed.deleted", "feed", feedId, null, Map.of("sourceId", sourceId));
    }

    private FeedSubscriptions.Settings checked(FeedSettings settings) {
        String url = CleanText.line(settings.url());
        if (url == null || url.isBlank()) {
            throw new InvalidRequestProblem("url", "must not be blank");
        }
        OutboundTargets.refusal(url, properties.allowPrivateTargets()).ifPresent(reason -> {
            throw new InvalidRequestProblem("url", reason);
        });
        Duration interval = settings.pollInterval() == null ? DEFAULT_POLL_INTERVAL : settings.pollInterval();
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidRequestProblem("pollInterval", "must be between PT1S and P1D");
        }
        FeedSubscription.Mode mode;
        try {
            mode = settings.mode() == null ? FeedSubscription.Mode.PUBLISH : FeedSubscription.Mode.valueOf(settings.mode());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem("mode", "must be PUBLISH or DRAFT");
        }
        List<String> tags = settings.defaultTags() == null ? List.of()
                : settings.defaultTags().stream().map(CleanText::name).filter(t -> t != null && !t.isBlank()).distinct().toList();
        if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 100)) {
            throw new InvalidRequestProblem("defaultTags", "at most 20 tags of at most 100 characters");
        }
        String language = CleanText.name(settings.language());
        return new FeedSubscriptions.Settings(url, interval, mode, language == null || language.isBlank() ? null : language, tags,
                settings.enabled() == null || settings.enabled());
    }
}
