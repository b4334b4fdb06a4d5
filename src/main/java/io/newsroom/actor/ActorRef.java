package io.newsroom.actor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * An actor as audit entries and revisions show it: {@code {type, id, name}} and, for a key that
 * belongs to someone, {@code person: {id, name}}. Names are the ones at the time of the entry.
 */
public record ActorRef(Actor.Kind type, UUID id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) PersonRef person) {

    public record PersonRef(UUID id, String name) {
    }

    public static ActorRef of(Actor.Kind type, UUID id, String name, UUID personId, String personName) {
        PersonRef person = type == Actor.Kind.API_KEY && personId != null ? new PersonRef(personId, personName) : null;
        return new ActorRef(type, id, name, person);
    }

    /**
     * From stored columns. Entries written before people existed have no type: their actor was an
     * API key, or the system when it had no id.
     */
    public static ActorRef stored(String type, UUID id, String name, UUID personId, String personName) {
        Actor.Kind kind = type != null ? Actor.Kind.valueOf(type) : id == null ? Actor.Kind.SYSTEM : Actor.Kind.API_KEY;
        return of(kind, id, name, personId, personName);
    }
}
