package io.newsroom.article.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** When to publish, an ISO-8601 time with offset in the future, and optionally when to stop (after it). */
record ScheduleRequest(@NotNull @Future OffsetDateTime at,
                       @Future @Schema(description = "When readers stop seeing the article (after `at`); optional") OffsetDateTime unpublishAt) {
}
