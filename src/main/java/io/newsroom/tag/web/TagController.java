package io.newsroom.tag.web;

import io.newsroom.text.CleanText;
import io.newsroom.tag.Tag;
import io.newsroom.tag.TagService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.newsroom.paging.Page;
import java.net.URI;
import java.time.Instant;
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
@RequestMapping("/api/admin/tags")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags (admin)", description = "Keywords; spelling variants are one tag")
class TagController {

    record TagRequest(@NotBlank @Size(max = 100) String name, @Size(max = 100) String slug, @Size(max = 2000) String description) {
        TagRequest {
            name = CleanText.name(name);
            slug = CleanText.name(slug);
            description = CleanText.text(description);
        }
    }

    record MergeRequest(@NotNull UUID intoId) {
    }

    record TagResponse(UUID id, String name, String slug, String description, Instant createdAt, Instant updatedAt) {
        static TagResponse of(Tag t) {
            return new TagResponse(t.getId(), t.getName(), t.getSlug(), t.getDescription(), t.getCreatedAt(), t.getUpdatedAt());
        }
    }

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    @GetMapping
    @Operation(summary = "List tags by name")
    Page<TagResponse> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                          @RequestParam(required = false) String cursor) {
        return tags.list(limit, cursor).map(TagResponse::of);
    }

    @PostMapping
    @Operation(summary = "Create a tag (409 when a spelling of it exists)")
    ResponseEntity<TagResponse> create(@Valid @RequestBody TagRequest request) {
        TagResponse created = TagResponse.of(tags.create(request.name(), request.slug(), request.description()));
        return ResponseEntity.created(URI.create("/api/admin/tags/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a tag")
    TagResponse get(@PathVariable UUID id) {
        return TagResponse.of(tags.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a tag or change its slug or description")
    TagResponse update(@PathVariable UUID id, @Valid @RequestBody TagRequest request) {
        return TagResponse.of(tags.update(id, request.name(), request.slug(), request.description()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a tag (removed from every article)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        tags.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge this tag into another: articles move, the old slug becomes an alias, this tag is deleted")
    TagResponse merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        tags.merge(id, request.intoId());
        return TagResponse.of(tags.get(request.intoId()));
    }
}
