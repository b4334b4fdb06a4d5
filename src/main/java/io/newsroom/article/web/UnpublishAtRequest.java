package io.newsroom.article.web;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** When readers stop seeing a published or scheduled article: an ISO-8601 time with offset, in the future. */
record UnpublishAtRequest(@NotNull @Future OffsetDateTime at) {
}
