package io.newsroom.security;

import io.newsroom.actor.Actor;
import io.newsroom.actor.Role;
import io.newsroom.audit.AuditLog;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.NotFoundProblem;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys. An ADMIN manages every key; anyone else signed in as a person (or through a key of theirs)
 * makes, lists and revokes keys of their own, never with a role above their own, as Ghost's staff
 * tokens carry their user's role. A key acts for its owner: it stops when they are deactivated, and
 * never acts above the role the owner holds now.
 */
@Service
public class ApiKeyService {

    /** A key as created: the only moment its secret is known. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    private final ApiKeyRepository keys;
    private final JdbcTemplate jdbc;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, JdbcTemplate jdbc, People people, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreatedKey create(String name, Role role) {
        return create(name, role, false);
    }

    /**
     * A key for the caller: owned by the person behind the current actor (none for the system and
     * unowned ADMIN keys), with a role their own role includes. {@code ingestAsDraft}: what this key
     * ingests stays a draft, whatever the document's pubstatus.
     */
    @Transactional
    public CreatedKey create(String name, Role role, boolean ingestAsDraft) {
        Actor actor = Actor.current();
        checkManagesKeys(actor);
        if (!actor.role().includes(role)) {
            throw new AccessDeniedException("A key cannot carry a role above its owner's: you are " + actor.role() + ", the key would be " + role);
        }
        String secret = ApiKeySecrets.generate();
        ApiKey key = keys.save(new ApiKey(name.strip(), role, ApiKeySecrets.hash(secret), ingestAsDraft, actor.personId(), clock.instant()));
        Map<String, Object> details = new HashMap<>(Map.of("name", key.getName(), "role", role.name(), "ingestAsDraft", ingestAsDraft));
        if (key.getOwnerId() != null) {
            details.put("ownerId", key.getOwnerId());
        }
        audit.record("api-key.created", "api-key", key.getId(), null, details);
        return new CreatedKey(key, secret);
    }

    /** Whether stories ingested with this key stay drafts; the system actor (null) publishes as documents say. */
    @Transactional(readOnly = true)
    public boolean ingestsAsDraft(UUID keyId) {
        return keyId != null && keys.findById(keyId).map(ApiKey::isIngestAsDraft).orElse(false);
    }

    /** Every key for an ADMIN; the caller's own keys for anyone else. */
    @Transactional(readOnly = true)
    public List<ApiKey> list() {
        Actor actor = Actor.current();
        checkManagesKeys(actor);
        return actor.role() == Role.ADMIN ? keys.findAllByOrderByCreatedAtDesc() : keys.findAllByOwnerIdOrderByCreatedAtDesc(actor.personId());
    }

    /** Revokes a key the caller manages; false when there is none by that id (or it is someone else's). */
    @Transactional
    public boolean revoke(UUID id) {
        Actor actor = Actor.current();
        checkManagesKeys(actor);
        return keys.findById(id).filter(key -> actor.role() == Role.ADMIN || key.getOwnerId() != null && key.getOwnerId().equals(actor.personId()))
                .map(key -> {
                    key.revoke(clock.instant());
                    audit.record("api-key.revoked", "api-key", id, null, Map.of("name", key.getName()));
                    return true;
                }).orElse(false);
    }

    /** Gives a key an owner (ADMIN), or takes it away ({@code personId} null); the owner's role must include the key's. */
    @Transactional
    public ApiKey assignOwner(UUID id, UUID personId) {
        ApiKey key = keys.findById(id).orElseThrow(() -> new NotFoundProblem("API key", id));
        if (personId != null) {
            Person owner = people.find(personId).orElseThrow(() -> new ConflictProblem("No person with id " + personId));
            if (!owner.role().includes(key.getRole())) {
                throw new ConflictProblem("A key cannot carry a role above its owner's: " + owner.displayName() + " is " + owner.role()
                        + ", the key is " + key.getRole());
            }
        }
        key.assignOwner(personId);
        Map<String, Object> details = new HashMap<>(Map.of("name", key.getName()));
        details.put("ownerId", personId == null ? "none" : personId.toString());
        audit.record("api-key.owner-assigned", "api-key", id, null, details);
        return key;
    }

    /**
     * The actor behind a presented secret, if it names an active key; one query, with the owner. A key
     * whose owner is deactivated, or whose role is above all the owner now holds, is refused
     * ({@link AccessRefusedException}); one whose owner was demoted acts with the owner's role.
     */
    @Transactional(readOnly = true)
    public Optional<Actor> authenticate(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        List<Actor> found = jdbc.query("""
                SELECT k.id, k.name, k.role, k.secret_hash, p.id AS owner_id, p.display_name AS owner_name, p.role AS owner_role,
                    p.active AS owner_active
                FROM api_keys k LEFT JOIN people p ON p.id = k.owner_id
                WHERE k.secret_hash = ? AND k.revoked_at IS NULL""", (rs, n) -> {
            if (!ApiKeySecrets.sameHash(rs.getString("secret_hash"), hash)) {
                return null;
            }
            UUID keyId = rs.getObject("id", UUID.class);
            Role role = Role.valueOf(rs.getString("role"));
            UUID ownerId = rs.getObject("owner_id", UUID.class);
            if (ownerId == null) {
                return Actor.apiKey(keyId, rs.getString("name"), role, null, null);
            }
            if (!rs.getBoolean("owner_active")) {
                throw new AccessRefusedException("This key's owner has been deactivated in the newsroom");
            }
            return Actor.apiKey(keyId, rs.getString("name"), actingRole(role, Role.valueOf(rs.getString("owner_role"))), ownerId,
                    rs.getString("owner_name"));
        }, hash);
        return found.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The key's role while its owner's includes it; the owner's when the key's includes theirs (a demotion); else refused. */
    private static Role actingRole(Role key, Role owner) {
        if (owner.includes(key)) {
            return key;
        }
        if (key.includes(owner)) {
            return owner;
        }
        throw new AccessRefusedException("This key's role (" + key + ") is outside its owner's current role (" + owner + ")");
    }

    /** ADMINs manage keys; others only as a person (in person or through a key of theirs), and only their own. */
    private static void checkManagesKeys(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.personId() == null) {
            throw new AccessDeniedException("Only an ADMIN, or a person for their own keys, manages API keys");
        }
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
