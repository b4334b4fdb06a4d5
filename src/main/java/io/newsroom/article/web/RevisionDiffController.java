package io.newsroom.article.web;

import io.newsroom.article.RevisionDiff;
import io.newsroom.article.RevisionDiffs;
import io.newsroom.request.AcceptHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

@RestController
@Tag(name = "Articles (admin)")
class RevisionDiffController {

    private final RevisionDiffs diffs;
    private final ITemplateEngine templates;

    RevisionDiffController(RevisionDiffs diffs, ITemplateEngine templates) {
        this.diffs = diffs;
        this.templates = templates;
    }

    @GetMapping("/api/admin/articles/{id}/revisions/{from}/diff/{to}")
    @Operation(summary = "What changed between two revisions (to may be 'current'): field by field, the headline and body word by word",
            description = "JSON by default; Accept: text/html or ?format=html gives an HTML page with <ins> and <del>.")
    @ApiResponse(responseCode = "200", description = "The differences",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RevisionDiff.class)),
                    @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> diff(@PathVariable UUID id, @PathVariable String from, @PathVariable String to,
                           @RequestParam(required = false) String format,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RevisionDiff diff = diffs.diff(id, from, to);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (!"html".equals(format) && !AcceptHeader.prefers(accept, MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)) {
            return ok.contentType(MediaType.APPLICATION_JSON).body(diff);
        }
        Context context = new Context(Locale.forLanguageTag(diff.language()));
        context.setVariable("diff", diff);
        return ok.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(templates.process("revision-diff", context));
    }
}
