package io.newsroom.actor;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making a change: a person signed in through the newsroom's identity provider, an API key
 * (with the person it belongs to, when it has one), or the system itself (start-up jobs, demo
 * content, the scheduler). Audit entries and revisions name it.
 *
 * @param kind       what the actor is
 * @param id         the person's or the key's id; null for the system
 * @param name       the person's display name or the key's name, as they are now
 * @param role       what the actor may do in this request
 * @param personId   the person acting: the person themself, or the owner of the key; null for an unowned key and the system
 * @param personName that person's display name
 */
public record Actor(Kind kind, UUID id, String name, Role role, UUID personId, String personName) {

    /** What an actor is, as audit entries and revisions name it. */
    public enum Kind {
        PERSON, API_KEY, SYSTEM
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "system", Role.ADMIN, null, null);

    /** An API key without an owner (a key made before keys belonged to people), or the system when {@code id} is null. */
    public Actor(UUID id, String name, Role role) {
        this(id == null ? Kind.SYSTEM : Kind.API_KEY, id, name, role, null, null);
    }

    public static Actor person(UUID id, String name, Role role) {
        return new Actor(Kind.PERSON, id, name, role, id, name);
    }

    /** A key; {@code ownerId} and {@code ownerName} are null when it belongs to nobody. */
    public static Actor apiKey(UUID id, String name, Role role, UUID ownerId, String ownerName) {
        return new Actor(Kind.API_KEY, id, name, role, ownerId, ownerName);
    }

    /** The actor of the current request, or {@link #SYSTEM} outside of one. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        return SYSTEM;
    }

    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }

    /** The key's id when the actor is an API key; null otherwise. */
    public UUID keyId() {
        return kind == Kind.API_KEY ? id : null;
    }

    /** How audit entries and revisions show this actor. */
    public ActorRef ref() {
        return ActorRef.of(kind, id, name, personId, personName);
    }
}
