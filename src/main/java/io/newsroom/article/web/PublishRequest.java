package io.newsroom.article.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import java.time.OffsetDateTime;

/** The optional body of a publish call: when readers stop seeing the article again. */
record PublishRequest(@Future @Schema(description = "When readers stop seeing the article; optional") OffsetDateTime unpublishAt) {
}
