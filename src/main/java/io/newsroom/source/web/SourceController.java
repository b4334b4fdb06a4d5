package io.newsroom.source.web;

import io.newsroom.text.CleanText;
import io.newsroom.source.Source;
import io.newsroom.source.SourceService;
import io.newsroom.source.SourceService.SourceDetails;
import io.newsroom.validation.HttpUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
@RequestMapping("/api/admin/sources")
@Tag(name = "Sources (admin)", description = "Publishers that stories come from (المصدر)")
class SourceController {

    record SourceRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String slug, @HttpUrl String url,
                         @HttpUrl String feedUrl, @HttpUrl String logoUrl) {
        SourceRequest {
            name = CleanText.name(name);
            slug = CleanText.name(slug);
            url = CleanText.line(url);
            feedUrl = CleanText.line(feedUrl);
            logoUrl = CleanText.line(logoUrl);
        }

        SourceDetails details() {
            return new SourceDetails(name, slug, url, feedUrl, logoUrl);
        }
    }

    record SourceResponse(UUID id, String name, String slug, String url, String feedUrl, String logoUrl,
                          Instant createdAt, Instant updatedAt) {
        static SourceResponse of(Source s) {
            return new SourceResponse(s.getId(), s.getName(), s.getSlug(), s.getUrl(), s.getFeedUrl(), s.getLogoUrl(),
                    s.getCreatedAt(), s.getUpdatedAt());
        }
    }

    private final SourceService sources;

    SourceController(SourceService sources) {
        this.sources = sources;
    }

    @GetMapping
    @Operation(summary = "List sources by name")
    Page<SourceResponse> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                          @RequestParam(required = false) String cursor) {
        return sources.list(limit, cursor).map(SourceResponse::of);
    }

    @PostMapping
    @Operation(summary = "Create a source")
    ResponseEntity<SourceResponse> create(@Valid @RequestBody SourceRequest request) {
        SourceResponse created = SourceResponse.of(sources.create(request.details()));
        return ResponseEntity.created(URI.create("/api/admin/sources/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a source")
    SourceResponse get(@PathVariable UUID id) {
        return SourceResponse.of(sources.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a source's details")
    SourceResponse update(@PathVariable UUID id, @Valid @RequestBody SourceRequest request) {
        return SourceResponse.of(sources.update(id, request.details()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a source no article names (409 otherwise)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        sources.delete(id);
        return ResponseEntity.noContent().build();
    }
}
