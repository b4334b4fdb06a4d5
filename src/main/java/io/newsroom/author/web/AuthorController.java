package io.newsroom.author.web;

import io.newsroom.author.Author;
import io.newsroom.author.AuthorProfile;
import io.newsroom.author.AuthorService;
import io.newsroom.paging.Page;
import io.newsroom.text.CleanText;
import io.newsroom.validation.HttpUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/authors")
@Tag(name = "Authors (admin)", description = "The writers articles credit; spelling variants of a name from one source are one author")
class AuthorController {

    record AuthorRequest(@NotBlank @Size(max = 100) String name, @Size(max = 100) String slug, @Size(max = 5000) String bio,
                         @HttpUrl @Schema(description = "The author's picture") String image,
                         @Size(max = 20) List<@NotBlank @HttpUrl String> links,
                         @Schema(description = "The source whose bylines these are; left out: the newsroom's own (on update: unchanged)") UUID sourceId,
                         @Schema(description = "The person who writes as this author; left out on update: unchanged") UUID personId) {
        AuthorRequest {
            name = CleanText.name(name);
            slug = CleanText.name(slug);
            bio = CleanText.text(bio);
            image = CleanText.line(image);
            links = links == null ? null : links.stream().map(CleanText::line).toList();
        }

        AuthorProfile profile() {
            return new AuthorProfile(name, slug, bio, image, links, sourceId, personId);
        }
    }

    record MergeRequest(@NotNull UUID intoId) {
    }

    record AuthorResponse(UUID id, String name, String slug, String bio, String image, List<String> links, UUID sourceId, UUID personId,
                          Instant createdAt, Instant updatedAt) {
        static AuthorResponse of(Author a) {
            return new AuthorResponse(a.getId(), a.getName(), a.getSlug(), a.getBio(), a.getImageUrl(), a.getLinks(), a.getSourceId(),
                    a.getPersonId(), a.getCreatedAt(), a.getUpdatedAt());
        }
    }

    private final AuthorService authors;

    AuthorController(AuthorService authors) {
        this.authors = authors;
    }

    @GetMapping
    @Operation(summary = "List authors by name; q finds names containing it (any spelling), sourceId one source's authors")
    Page<AuthorResponse> list(@RequestParam(required = false) @Size(max = 100) String q,
                              @RequestParam(required = false) UUID sourceId,
                              @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                              @RequestParam(required = false) String cursor) {
        return authors.list(q, sourceId, limit, cursor).map(AuthorResponse::of);
    }

    @PostMapping
    @Operation(summary = "Create an author (409 when the source has an author of this name or a spelling of it)")
    ResponseEntity<AuthorResponse> create(@Valid @RequestBody AuthorRequest request) {
        AuthorResponse created = AuthorResponse.of(authors.create(request.profile()));
        return ResponseEntity.created(URI.create("/api/admin/authors/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an author")
    AuthorResponse get(@PathVariable UUID id) {
        return AuthorResponse.of(authors.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename or re-describe an author: a new slug leaves the old one answering 301, and bylines that were only the"
            + " authors' names follow a new name")
    AuthorResponse update(@PathVariable UUID id, @Valid @RequestBody AuthorRequest request) {
        return AuthorResponse.of(authors.update(id, request.profile()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an author (taken off every article)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        authors.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge this author into another: articles move, the old slug answers 301, the old name credits the survivor,"
            + " this author is deleted")
    AuthorResponse merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        authors.merge(id, request.intoId());
        return AuthorResponse.of(authors.get(request.intoId()));
    }
}
