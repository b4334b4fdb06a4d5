package io.newsroom.security;

import io.newsroom.actor.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key. Only the hash of its secret is kept; the secret is shown once, when the key is created.
 * A key made by a person belongs to them; keys made before people existed belong to nobody until an
 * ADMIN gives them an owner.
 */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    private UUID id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** Stories this key ingests stay drafts for an editor to publish, whatever their pubstatus. */
    @Column(name = "ingest_as_draft")
    private boolean ingestAsDraft;

    /** The person the key belongs to; null for a key of nobody's. */
    @Column(name = "owner_id")
    private UUID ownerId;

    protected ApiKey() {
    }

    ApiKey(String name, Role role, String secretHash, Instant now) {
        this(name, role, secretHash, false, now);
    }

    ApiKey(String name, Role role, String secretHash, boolean ingestAsDraft, Instant now) {
        this(name, role, secretHash, ingestAsDraft, null, now);
    }

    ApiKey(String name, Role role, String secretHash, boolean ingestAsDraft, UUID ownerId, Instant now) {
        this.ownerId = ownerId;
        this.id = UUID.randomUUID();
        this.name = name;
        this.role = role;
        this.secretHash = secretHash;
        this.ingestAsDraft = ingestAsDraft;
        this.createdAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean isActive() {
        return revokedAt == null;
    }

    void assignOwner(UUID ownerId) {
        this.ownerId = ownerId;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Role getRole() {
        return role;
    }

    String getSecretHash() {
        return secretHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isIngestAsDraft() {
        return ingestAsDraft;
    }

    public UUID getOwnerId() {
        return ownerId;
    }
}
