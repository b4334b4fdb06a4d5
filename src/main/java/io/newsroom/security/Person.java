package io.newsroom.security;

import io.newsroom.actor.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone who signs in through the newsroom's identity provider: the (issuer, subject) pair of their
 * tokens, with the display name, email and role the latest token gave.
 */
public record Person(UUID id, String issuer, String subject, String displayName, String email, Role role, boolean active,
                     Instant createdAt, Instant updatedAt) {
}
