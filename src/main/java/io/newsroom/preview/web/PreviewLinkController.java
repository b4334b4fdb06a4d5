package io.newsroom.preview.web;

import io.newsroom.preview.PreviewLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/admin/articles/{id}/preview-links")
@Tag(name = "Preview links", description = "Links that show an article in any state as readers would see it if it were published now")
class PreviewLinkController {

    record PreviewLinkRequest(@Schema(description = "ISO-8601 duration, above zero and at most P30D; default PT24H", example = "PT24H")
                              Duration expiresIn) {
    }

    /** The made link: {@code token} and {@code url} are shown here only, never again. */
    record CreatedPreviewLink(UUID id, String token, String url, String apiUrl, Instant expiresAt) {
    }

    record PreviewLinkView(UUID id, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, boolean active) {
    }

    record PreviewLinkList(List<PreviewLinkView> items) {
    }

    private final PreviewLinks links;
    private final Clock clock;

    PreviewLinkController(PreviewLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Make a preview link (EDITOR, ADMIN, WRITER); the token is shown once")
    ResponseEntity<CreatedPreviewLink> create(@PathVariable UUID id, @Valid @RequestBody(required = false) PreviewLinkRequest request) {
        PreviewLinks.Link link = links.create(id, request == null ? null : request.expiresIn());
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        CreatedPreviewLink created = new CreatedPreviewLink(link.id(), link.token(), base + "/preview/" + link.token(),
                base + "/api/content/preview/" + link.token(), link.expiresAt());
        return ResponseEntity.created(URI.create("/api/admin/articles/" + id + "/preview-links/" + link.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "The article's preview links, newest first (without their tokens)")
    PreviewLinkList list(@PathVariable UUID id) {
        Instant now = clock.instant();
        return new PreviewLinkList(links.list(id).stream()
                .map(l -> new PreviewLinkView(l.id(), l.createdAt(), l.createdBy(), l.expiresAt(), l.revokedAt(), l.active(now))).toList());
    }

    @DeleteMapping("/{linkId}")
    @Operation(summary = "Revoke a preview link at once")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable UUID linkId) {
        links.revoke(id, linkId);
        return ResponseEntity.noContent().build();
    }
}
