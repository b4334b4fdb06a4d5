package io.newsroom.security.web;

import io.newsroom.text.CleanText;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.security.ApiKey;
import io.newsroom.security.ApiKeyService;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/api-keys")
@Tag(name = "API keys (ADMIN)", description = "Keys for editors and tools; secrets are shown once and stored as hashes")
class ApiKeyController {

    /** {@code ingestAsDraft} (default false): stories this key ingests stay drafts for an editor to publish. */
    record KeyRequest(@NotBlank @Size(max = 200) String name, @NotNull Role role, Boolean ingestAsDraft) {
        KeyRequest {
            name = CleanText.name(name);
        }
    }

    record CreatedKeyResponse(UUID id, String name, Role role, boolean ingestAsDraft, String secret) {
    }

    record KeyResponse(UUID id, String name, Role role, boolean ingestAsDraft, Instant createdAt, Instant revokedAt) {
        static KeyResponse of(ApiKey key) {
            return new KeyResponse(key.getId(), key.getName(), key.getRole(), key.isIngestAsDraft(), key.getCreatedAt(), key.getRevokedAt());
        }
    }

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @Operation(summary = "Create a key; the response holds its secret, shown this once")
    ResponseEntity<CreatedKeyResponse> create(@Valid @RequestBody KeyRequest request) {
        ApiKeyService.CreatedKey created = keys.create(request.name(), request.role(), Boolean.TRUE.equals(request.ingestAsDraft()));
        ApiKey key = created.key();
        return ResponseEntity.created(URI.create("/api/admin/api-keys/" + key.getId()))
                .body(new CreatedKeyResponse(key.getId(), key.getName(), key.getRole(), key.isIngestAsDraft(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "List keys (never their secrets)")
    Page<KeyResponse> list() {
        List<KeyResponse> items = keys.list().stream().map(KeyResponse::of).toList();
        return new Page<>(items, null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        if (!keys.revoke(id)) {
            throw new NotFoundProblem("API key", id);
        }
        return ResponseEntity.noContent().build();
    }
}
