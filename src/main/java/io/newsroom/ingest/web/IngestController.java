package io.newsroom.ingest.web;

import io.newsroom.article.ArticleStatus;
import io.newsroom.ingest.BulkImport;
import io.newsroom.ingest.IngestDocument;
import io.newsroom.ingest.IngestMetrics;
import io.newsroom.ingest.IngestService;
import io.newsroom.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/admin/ingest")
@Tag(name = "Ingest", description = "Stories pushed in by newsroom tools: IPTC ninjs, one at a time or as NDJSON")
class IngestController {

    /** {@code outcome}: created, updated, unchanged, or stale (older than the stored version: ignored). */
    record IngestResponse(String outcome, UUID articleId, String uri, ArticleStatus status, long version, List<String> warnings) {
    }

    private final IngestService ingest;
    private final BulkImport bulk;
    private final IngestMetrics metrics;

    IngestController(IngestService ingest, BulkImport bulk, IngestMetrics metrics) {
        this.ingest = ingest;
        this.bulk = bulk;
        this.metrics = metrics;
    }

    @PostMapping(path = "/ninjs", consumes = {"application/json", "application/ninjs+json"})
    @Operation(summary = "Upsert one ninjs 2.x (or 1.x) document by its uri: 201 when created, 200 otherwise")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "An IPTC ninjs 2.x document "
            + "(https://iptc.org/std/ninjs/ninjs-schema_2.2.json) or a ninjs 1.x one",
            content = {@Content(mediaType = "application/json", schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)),
                    @Content(mediaType = "application/ninjs+json", schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE))})
    ResponseEntity<IngestResponse> ninjs(@RequestBody JsonNode document) {
        IngestService.Result result;
        IngestDocument read;
        try {
            read = ingest.readNinjs(document);
            result = ingest.ingest(read);
        } catch (ApiProblem refused) {
            metrics.count("ninjs", "failed", 1);
            throw refused;
        }
        metrics.count("ninjs", result.outcome().name(), 1);
        IngestResponse body = new IngestResponse(result.outcome().name().toLowerCase(Locale.ROOT), result.articleId(), read.uri(),
                result.status(), result.version(), result.warnings());
        URI location = URI.create("/api/admin/articles/" + result.articleId());
        return result.outcome() == IngestService.Outcome.CREATED
                ? ResponseEntity.created(location).body(body)
                : ResponseEntity.status(HttpStatus.OK).location(location).body(body);
    }

    @PostMapping(path = "/bulk", consumes = {"application/x-ndjson", "application/jsonl"})
    @Operation(summary = "Import NDJSON, one ninjs document or article a line, read as a stream; bad lines are reported, never fatal")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "One JSON object a line: a ninjs document (with uri) or an article "
            + "in the admin API's shape plus optional externalId, status (DRAFT or PUBLISHED) and publishedAt",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
    BulkImport.Report bulk(HttpServletRequest request) throws IOException {
        return bulk.run(request.getInputStream());
    }
}
