package io.newsroom.article;

import java.time.Instant;
import java.util.UUID;

/** One stored state of an article: who changed it, when, how, and what it then was. */
public record ArticleRevision(int number, Instant createdAt, UUID actorId, String actorName, String change, ArticleSnapshot snapshot) {
}
