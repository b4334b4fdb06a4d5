package io.newsroom.intake.web;

import io.newsroom.intake.FeedPoller;
import io.newsroom.intake.Feeds;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.validation.LanguageTag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/sources/{sourceId}/feeds")
@Tag(name = "Feeds (admin)", description = "Other publishers' RSS and Atom feeds, polled into articles")
class SourceFeedController {

    record FeedRequest(@NotBlank @Size(max = 2000) String url,
                       @Schema(description = "ISO-8601 duration, PT1S to P1D; default PT5M", example = "PT5M") Duration pollInterval,
                       @Min(1) @Max(86_400) @Schema(description = "the poll interval in seconds (shared/CONTRACT.md's name); "
                               + "give this or pollInterval") Integer intervalSeconds,
                       @Pattern(regexp = "PUBLISH|DRAFT") @Schema(description = "PUBLISH (default) or DRAFT") String mode,
                       @LanguageTag @Schema(description = "default: the feed's own") String language,
                       @Size(max = 20) List<@NotBlank @Size(max = 100) String> defaultTags,
                       @Schema(description = "default true") Boolean enabled) {
    }

    @Schema(name = "FeedHealth")
    record Health(Instant lastPolledAt, Integer lastStatus, String lastError,
                  @Schema(description = "what the last poll that read the feed warned of (a charset named nowhere, characters"
                          + " removed, an item kept as a draft because its bytes could not be decoded); at most 50")
                  List<String> lastWarnings,
                  int consecutiveFailures, Instant nextPollAt, long itemsSeen, long itemsCreated, long itemsUpdated) {
    }

    record FeedView(UUID id, UUID sourceId, String url, Duration pollInterval, long intervalSeconds, String mode, String language, List<String> defaultTags,
                    boolean enabled, String disabledReason, Health health, Instant createdAt, Instant updatedAt) {
    }

    record FeedList(List<FeedView> items) {
    }

    private final Feeds feeds;
    private final FeedPoller poller;

    SourceFeedController(Feeds feeds, FeedPoller poller) {
        this.feeds = feeds;
        this.poller = poller;
    }

    @GetMapping
    @Operation(summary = "A source's feeds, with their health")
    FeedList list(@PathVariable UUID sourceId) {
        return new FeedList(feeds.list(sourceId).stream().map(SourceFeedController::view).toList());
    }

    @PostMapping
    @Operation(summary = "Add a feed to a source (ADMIN, EDITOR); it is polled within seconds")
    ResponseEntity<FeedView> create(@PathVariable UUID sourceId, @Valid @RequestBody FeedRequest request) {
        FeedView created = view(feeds.create(sourceId, settings(request)));
        return ResponseEntity.created(URI.create("/api/admin/sources/" + sourceId + "/feeds/" + created.id())).body(created);
    }

    @GetMapping("/{feedId}")
    @Operation(summary = "One feed, with its health")
    FeedView get(@PathVariable UUID sourceId, @PathVariable UUID feedId) {
        return view(feeds.get(sourceId, feedId));
    }

    @PutMapping("/{feedId}")
    @Operation(summary = "Replace a feed's settings; enabling a disabled feed clears its failures")
    FeedView update(@PathVariable UUID sourceId, @PathVariable UUID feedId, @Valid @RequestBody FeedRequest request) {
        return view(feeds.update(sourceId, feedId, settings(request)));
    }

    @DeleteMapping("/{feedId}")
    @Operation(summary = "Remove a feed (its articles stay)")
    ResponseEntity<Void> delete(@PathVariable UUID sourceId, @PathVariable UUID feedId) {
        feeds.delete(sourceId, feedId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{feedId}/poll")
    @Operation(summary = "Poll the feed now and answer what that poll did")
    FeedPoller.Report poll(@PathVariable UUID sourceId, @PathVariable UUID feedId) {
        return poller.pollNow(sourceId, feedId);
    }

    private static Feeds.FeedSettings settings(FeedRequest request) {
        Duration interval = request.pollInterval();
        if (request.intervalSeconds() != null) {
            Duration inSeconds = Duration.ofSeconds(request.intervalSeconds());
            if (interval != null && !interval.equals(inSeconds)) {
                throw new InvalidRequestProblem("intervalSeconds", "says another interval than pollInterval; give one of them");
            }
            interval = inSeconds;
        }
        return new Feeds.FeedSettings(request.url(), interval, request.mode(), request.language(), request.defaultTags(),
                request.enabled());
    }

    private static FeedView view(io.newsroom.intake.FeedSubscription feed) {
        return new FeedView(feed.id(), feed.sourceId(), feed.url(), feed.pollInterval(), feed.pollInterval().toSeconds(), feed.mode().name(), feed.language(), feed.defaultTags(),
                feed.enabled(), feed.disabledReason(), new Health(feed.lastPolledAt(), feed.lastStatus(), feed.lastError(),
                feed.lastWarnings(), feed.consecutiveFailures(), feed.enabled() ? feed.nextPollAt() : null, feed.itemsSeen(), feed.itemsCreated(), feed.itemsUpdated()),
                feed.createdAt(), feed.updatedAt());
    }
}
