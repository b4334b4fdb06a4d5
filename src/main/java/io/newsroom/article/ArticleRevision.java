package io.newsroom.article;

import io.newsroom.actor.ActorRef;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored state of an article: who changed it, when, how, and what it then was. {@code actorId}
 * and {@code actorName} read as they always have; {@code actor} names the kind of actor too.
 */
public record ArticleRevision(int number, Instant createdAt, UUID actorId, String actorName, ActorRef actor, String change,
                              ArticleSnapshot snapshot) {
}
