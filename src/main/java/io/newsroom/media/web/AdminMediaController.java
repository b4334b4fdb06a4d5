package io.newsroom.media.web;

import io.newsroom.media.MediaChange;
import io.newsroom.media.MediaLibrary;
import io.newsroom.media.MediaLibrary.EditorText;
import io.newsroom.media.MediaLibrary.Uploaded;
import io.newsroom.media.MediaView;
import io.newsroom.paging.Page;
import io.newsroom.problem.FieldProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.text.CleanText;
import io.newsroom.validation.HttpUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/admin/media")
@Tag(name = "Photos (admin)", description = "The media library: upload, fetch, describe, crop and delete photos")
class AdminMediaController {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Set<String> PATCHABLE = Set.of("caption", "credit", "copyright", "alt", "focalPoint");

    /** A photo to fetch from another server, with the editor's words for it. */
    record FetchRequest(@NotBlank @HttpUrl String url, @Size(max = 2000) String caption, @Size(max = 300) String credit,
                        @Size(max = 2000) String alt) {
        FetchRequest {
            url = CleanText.line(url);
            caption = CleanText.line(caption);
            credit = CleanText.line(credit);
            alt = CleanText.line(alt);
        }
    }

    private final MediaLibrary library;

    AdminMediaController(MediaLibrary library) {
        this.library = library;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a photo (multipart part 'file'; JPEG, PNG, WebP or GIF); the same file twice is one photo (200)")
    ResponseEntity<MediaView> upload(@RequestPart("file") MultipartFile file,
                                     @RequestParam(required = false) @Size(max = 2000) String caption,
                                     @RequestParam(required = false) @Size(max = 300) String credit,
                                     @RequestParam(required = false) @Size(max = 2000) String alt) {
        Path temp = null;
        try {
            temp = Files.createTempFile("newsroom-upload-", ".bin");
            file.transferTo(temp);
            return answer(library.upload(temp, new EditorText(CleanText.line(caption), CleanText.line(credit), CleanText.line(alt))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Fetch a photo from a URL into the library (no private addresses, size and time limits)")
    ResponseEntity<MediaView> fetch(@Valid @RequestBody FetchRequest request) {
        return answer(library.fetch(request.url(), new EditorText(request.caption(), request.credit(), request.alt())));
    }

    private static ResponseEntity<MediaView> answer(Uploaded uploaded) {
        URI location = URI.create("/api/admin/media/" + uploaded.item().id());
        return uploaded.created() ? ResponseEntity.created(location).body(uploaded.item())
                : ResponseEntity.ok().location(location).body(uploaded.item());
    }

    @GetMapping
    @Operation(summary = "List photos, newest first; q searches captions and credits")
    Page<MediaView> list(@RequestParam(required = false) @Size(max = 200) String q,
                         @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                         @RequestParam(required = false) String cursor) {
        return library.list(CleanText.line(q), limit, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a photo")
    MediaView get(@PathVariable UUID id) {
        return library.get(id);
    }

    @GetMapping("/{id}/original")
    @Operation(summary = "Download the original upload (editors only; readers get re-encoded renditions)")
    ResponseEntity<byte[]> original(@PathVariable UUID id) {
        MediaLibrary.Original original = library.original(id).orElseThrow(() -> new NotFoundProblem("photo", id));
        // the original is what was sent, polyglots included: never rendered, only downloaded
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(original.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(original.bytes());
    }

    @PatchMapping(value = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH})
    @Operation(summary = "Change caption, credit, copyright, alt text or focal point ({x, y} in 0..1); null clears a text")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "JSON merge patch (RFC 7386) of caption, credit,"
            + " copyright, alt and focalPoint {x, y}; a field left out is kept, a text set to null is cleared",
            content = {@Content(mediaType = MERGE_PATCH, schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)),
                    @Content(mediaType = "application/json", schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE))})
    MediaView change(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return library.change(id, changeOf(patch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a photo no article uses (409 naming the articles otherwise)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        library.delete(id);
        return ResponseEntity.noContent().build();
    }

    static MediaChange changeOf(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidRequestProblem("body", "must be a JSON object");
        }
        List<FieldProblem> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (!PATCHABLE.contains(field.getKey())) {
                errors.add(new FieldProblem(field.getKey(), "is not a field of a photo that can be changed"));
            }
        }
        Optional<String> caption = text(patch, "caption", 2000, errors);
        Optional<String> credit = text(patch, "credit", 300, errors);
        Optional<String> copyright = text(patch, "copyright", 300, errors);
        Optional<String> alt = text(patch, "alt", 2000, errors);
        MediaView.FocalPoint focal = focal(patch, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        return new MediaChange(caption, credit, copyright, alt, focal);
    }

    /** Null: not in the patch; empty: cleared. */
    @SuppressWarnings("OptionalAssignedToNull")
    private static Optional<String> text(JsonNode patch, String name, int max, List<FieldProblem> errors) {
        if (!patch.has(name)) {
            return null;
        }
        JsonNode value = patch.get(name);
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            errors.add(new FieldProblem(name, "must be a string or null"));
            return null;
        }
        String text = CleanText.line(value.asString());
        if (text != null && text.length() > max) {
            errors.add(new FieldProblem(name, "must be at most " + max + " characters"));
            return null;
        }
        return Optional.ofNullable(text == null || text.isBlank() ? null : text);
    }

    private static MediaView.FocalPoint focal(JsonNode patch, List<FieldProblem> errors) {
        if (!patch.has("focalPoint")) {
            return null;
        }
        JsonNode point = patch.get("focalPoint");
        if (point.isNull()) {
            return new MediaView.FocalPoint(0.5, 0.5); // back to the centre
        }
        if (!point.isObject()) {
            errors.add(new FieldProblem("focalPoint", "must be an object {x, y}"));
            return null;
        }
        Double x = fraction(point, "x", errors);
        Double y = fraction(point, "y", errors);
        for (Map.Entry<String, JsonNode> field : point.properties()) {
            if (!field.getKey().equals("x") && !field.getKey().equals("y")) {
                errors.add(new FieldProblem("focalPoint." + field.getKey(), "is not a field of a focal point"));
            }
        }
        return x == null || y == null ? null : new MediaView.FocalPoint(x, y);
    }

    private static Double fraction(JsonNode point, String name, List<FieldProblem> errors) {
        JsonNode value = point.get(name);
        if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0 || value.doubleValue() > 1) {
            errors.add(new FieldProblem("focalPoint." + name, "must be a number from 0 to 1"));
            return null;
        }
        return value.doubleValue();
    }
}
