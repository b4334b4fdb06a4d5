package io.newsroom.security.web;

import io.newsroom.actor.Actor;
import io.newsroom.actor.Role;
import io.newsroom.security.People;
import io.newsroom.security.Person;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People", description = "Who is calling, and the people who sign in through the newsroom's identity provider")
class MeController {

    /**
     * The caller: a person signed in ({@code type} PERSON) or an API key ({@code API_KEY}, with the
     * person it belongs to, if any), the role this request carries, and the name shown in the audit log.
     */
    record Caller(Actor.Kind type, UUID id, Role role, String displayName, String email, CallerPerson person) {
    }

    record CallerPerson(UUID id, String displayName, String email) {
    }

    private final People people;

    MeController(People people) {
        this.people = people;
    }

    @GetMapping("/api/admin/me")
    @Operation(summary = "Who the caller is: person or key, role, display name")
    Caller me() {
        Actor actor = Actor.current();
        CallerPerson person = actor.personId() == null ? null : people.find(actor.personId())
                .map(MeController::ref).orElse(new CallerPerson(actor.personId(), actor.personName(), null));
        String email = actor.kind() == Actor.Kind.PERSON && person != null ? person.email() : null;
        return new Caller(actor.kind(), actor.id(), actor.role(), actor.name(), email, person);
    }

    private static CallerPerson ref(Person person) {
        return new CallerPerson(person.id(), person.displayName(), person.email());
    }
}
