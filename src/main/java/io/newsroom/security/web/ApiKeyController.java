package io.newsroom.security.web;

import io.newsroom.text.CleanText;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.security.ApiKey;
import io.newsroom.security.ApiKeyService;
import io.newsroom.security.People;
import io.newsroom.security.Person;
import io.newsroom.actor.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.newsroom.paging.Page;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/api-keys")
@Tag(name = "API keys", description = "Keys for editors and tools; secrets are shown once and stored as hashes. An ADMIN manages"
        + " every key; a person signed in makes and revokes keys of their own, never above their own role")
class ApiKeyController {

    /** {@code ingestAsDraft} (default false): stories this key ingests stay drafts for an editor to publish. */
    record KeyRequest(@NotBlank @Size(max = 200) String name, @NotNull Role role, Boolean ingestAsDraft) {
        KeyRequest {
            name = CleanText.name(name);
        }
    }

    record CreatedKeyResponse(UUID id, String name, Role role, boolean ingestAsDraft, Owner owner, String secret) {
    }

    /** The person a key belongs to; null for a key of nobody's. */
    record Owner(UUID id, String displayName) {
    }

    record KeyResponse(UUID id, String name, Role role, boolean ingestAsDraft, Owner owner, Instant createdAt, Instant revokedAt) {
    }

    /** {@code ownerId}: the person the key is to belong to; null: nobody. */
    record OwnerRequest(UUID ownerId) {
    }

    private final ApiKeyService keys;
    private final People people;

    ApiKeyController(ApiKeyService keys, People people) {
        this.keys = keys;
        this.people = people;
    }

    @PostMapping
    @Operation(summary = "Create a key; the response holds its secret, shown this once")
    ResponseEntity<CreatedKeyResponse> create(@Valid @RequestBody KeyRequest request) {
        ApiKeyService.CreatedKey created = keys.create(request.name(), request.role(), Boolean.TRUE.equals(request.ingestAsDraft()));
        ApiKey key = created.key();
        return ResponseEntity.created(URI.create("/api/admin/api-keys/" + key.getId()))
                .body(new CreatedKeyResponse(key.getId(), key.getName(), key.getRole(), key.isIngestAsDraft(), owner(key), created.secret()));
    }

    @GetMapping
    @Operation(summary = "List keys, never their secrets (an ADMIN sees all; anyone else their own)")
    Page<KeyResponse> list() {
        List<KeyResponse> items = keys.list().stream().map(this::view).toList();
        return new Page<>(items, null);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Give a key an owner, or take it away (ADMIN); the owner's role must include the key's")
    KeyResponse assignOwner(@PathVariable UUID id, @RequestBody OwnerRequest request) {
        return view(keys.assignOwner(id, request.ownerId()));
    }

    private KeyResponse view(ApiKey key) {
        return new KeyResponse(key.getId(), key.getName(), key.getRole(), key.isIngestAsDraft(), owner(key), key.getCreatedAt(), key.getRevokedAt());
    }

    private Owner owner(ApiKey key) {
        if (key.getOwnerId() == null) {
            return null;
        }
        return new Owner(key.getOwnerId(), people.find(key.getOwnerId()).map(Person::displayName).orElse(null));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key (an ADMIN any key; anyone else their own)")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        if (!keys.revoke(id)) {
            throw new NotFoundProblem("API key", id);
        }
        return ResponseEntity.noContent().build();
    }
}
