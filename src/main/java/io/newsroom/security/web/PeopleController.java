package io.newsroom.security.web;

import io.newsroom.actor.Role;
import io.newsroom.paging.Page;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.security.People;
import io.newsroom.security.Person;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/people")
@Tag(name = "People", description = "Who is calling, and the people who sign in through the newsroom's identity provider")
class PeopleController {

    /** {@code role}: the one their latest token mapped to. */
    record PersonView(UUID id, String displayName, String email, Role role, boolean active, String issuer, String subject,
                      Instant createdAt, Instant updatedAt) {
        static PersonView of(Person p) {
            return new PersonView(p.id(), p.displayName(), p.email(), p.role(), p.active(), p.issuer(), p.subject(), p.createdAt(), p.updatedAt());
        }
    }

    /** Only {@code active} can be changed: names, emails and roles are the identity provider's. */
    record PersonPatch(@NotNull Boolean active) {
    }

    private final People people;

    PeopleController(People people) {
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "People who have signed in, the newest first (ADMIN)")
    Page<PersonView> list(@RequestParam(required = false) Boolean active,
                          @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                          @RequestParam(required = false) String cursor) {
        return people.list(active, limit, cursor).map(PersonView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person (ADMIN)")
    PersonView get(@PathVariable UUID id) {
        return people.find(id).map(PersonView::of).orElseThrow(() -> new NotFoundProblem("person", id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Deactivate or reactivate a person (ADMIN): their tokens and keys are refused at once, on every instance")
    PersonView change(@PathVariable UUID id, @Valid @RequestBody PersonPatch patch) {
        return PersonView.of(people.setActive(id, patch.active()));
    }
}
