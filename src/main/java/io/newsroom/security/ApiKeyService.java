package io.newsroom.security;

import io.newsroom.actor.Role;
import io.newsroom.actor.Actor;
import io.newsroom.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ApiKeyService {

    /** A key as created: the only moment its secret is known. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreatedKey create(String name, Role role) {
        return create(name, role, false);
    }

    /** {@code ingestAsDraft}: what this key ingests stays a draft, whatever the document's pubstatus. */
    @Transactional
    public CreatedKey create(String name, Role role, boolean ingestAsDraft) {
        String secret = ApiKeySecrets.generate();
        ApiKey key = keys.save(new ApiKey(name.strip(), role, ApiKeySecrets.hash(secret), ingestAsDraft, clock.instant()));
        audit.record("api-key.created", "api-key", key.getId(), null,
                Map.of("name", key.getName(), "role", role.name(), "ingestAsDraft", ingestAsDraft));
        return new CreatedKey(key, secret);
    }

    /** Whether stories ingested with this key stay drafts; the system actor (null) publishes as documents say. */
    @Transactional(readOnly = true)
    public boolean ingestsAsDraft(UUID keyId) {
        return keyId != null && keys.findById(keyId).map(ApiKey::isIngestAsDraft).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list() {
        return keys.findAllByOrderByCreatedAtDesc();
    }

    @Transactional
    public boolean revoke(UUID id) {
        return keys.findById(id).map(key -> {
            key.revoke(clock.instant());
            audit.record("api-key.revoked", "api-key", id, null, Map.of("name", key.getName()));
            return true;
        }).orElse(false);
    }

    /** The actor behind a presented secret, if it names an active key. */
    @Transactional(readOnly = true)
    public Optional<Actor> authenticate(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        return keys.findBySecretHash(hash)
                .filter(key -> ApiKeySecrets.sameHash(key.getSecretHash(), hash))
                .filter(ApiKey::isActive)
                .map(ApiKey::toActor);
    }

    /** Makes sure an active ADMIN key with exactly this secret exists (NEWSROOM_ADMIN_KEY). */
    @Transactional
    void ensureAdminKey(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        Optional<ApiKey> existing = keys.findBySecretHash(hash);
        if (existing.isEmpty()) {
            keys.save(new ApiKey("bootstrap admin (NEWSROOM_ADMIN_KEY)", Role.ADMIN, hash, clock.instant()));
        } else if (!existing.get().isActive() || existing.get().getRole() != Role.ADMIN) {
            throw new IllegalStateException("NEWSROOM_ADMIN_KEY names a key that is revoked or not an ADMIN key; choose another secret");
        }
    }

    /** A new ADMIN key when there is no active key at all, so a fresh installation can be administered. */
    @Transactional
    Optional<String> generateFirstAdminKey() {
        if (keys.existsByRevokedAtIsNull()) {
            return Optional.empty();
        }
        return Optional.of(create("generated admin", Role.ADMIN).secret());
    }
}
