package io.newsroom.article.web;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** When to publish: an ISO-8601 time with offset, in the future. */
record ScheduleRequest(@NotNull @Future OffsetDateTime at) {
}
