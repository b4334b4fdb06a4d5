package io.newsroom.ingest;

import io.newsroom.article.ArticleEvents;
import io.newsroom.article.ArticleRequest;
import io.newsroom.ingest.IngestDocument.PubStatus;
import io.newsroom.ingest.NdjsonLines.Line;
import io.newsroom.problem.ApiProblem;
import io.newsroom.problem.FieldProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.JsonErrors;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports newline-delimited JSON: each line a ninjs document (it has a {@code uri}) or an article in
 * the admin API's shape, with optional {@code externalId} (upsert key), {@code status} (DRAFT or
 * PUBLISHED) and {@code publishedAt}. Lines are validated as they are read and written a chunk per
 * transaction; when a chunk fails in the database, its lines are written one by one so only the bad
 * ones fail. No webhooks are sent for imported articles: a bulk import is a backfill, and subscribers
 * would otherwise get one request per article (see README).
 */
@Component
public class BulkImport {

    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    /** The report of CONTRACT.md; {@code stale} counts ninjs documents older than what is stored (ignored). */
    public record Report(long created, long updated, long unchanged, long stale, long failed, List<LineError> errors, long errorsNotListed) {
    }

    public record LineError(long line, String detail) {
    }

    private record Prepared(long line, IngestDocument document) {
    }

    private final IngestService ingest;
    private final EntityManager entityManager;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final int chunkSize;
    private final int maxLineChars;
    private final int maxListedErrors;

    BulkImport(IngestService ingest, EntityManager entityManager, JsonMapper json, PlatformTransactionManager transactionManager,
               @Value("${newsroom.ingest.bulk-chunk-size:200}") int chunkSize,
               @Value("${newsroom.max-request-bytes:4194304}") int maxLineChars,
               @Value("${newsroom.ingest.bulk-max-listed-errors:1000}") int maxListedErrors) {
        this.ingest = ingest;
        this.entityManager = entityManager;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
        this.chunkSize = chunkSize;
        this.maxLineChars = maxLineChars;
        this.maxListedErrors = maxListedErrors;
    }

    public Report run(InputStream in) {
        Tally tally = new Tally();
        NdjsonLines lines = new NdjsonLines(in, maxLineChars);
        List<Prepared> chunk = new ArrayList<>(chunkSize);
        for (Line line = lines.next(); line != null; line = lines.next()) {
            if (line.problem() != null) {
                tally.fail(line.number(), line.problem());
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            try {
                chunk.add(new Prepared(line.number(), prepare(line.text())));
            } catch (ApiProblem | JacksonException | IllegalArgumentException e) {
                tally.fail(line.number(), describe(e));
            }
            if (chunk.size() == chunkSize) {
                write(chunk, tally);
                chunk.clear();
            }
        }
        write(chunk, tally);
        log.info("Bulk import: {} created, {} updated, {} unchanged, {} stale, {} failed",
                tally.created, tally.updated, tally.unchanged, tally.stale, tally.failed);
        return tally.report();
    }

    private IngestDocument prepare(String text) {
        JsonNode node = json.readTree(text);
        if (!node.isObject()) {
            throw new InvalidRequestProblem("$", "each line must be a JSON object");
        }
        return node.has("uri") ? ingest.readNinjs(node) : articleLine((ObjectNode) node);
    }

    private IngestDocument articleLine(ObjectNode node) {
        String externalId = text(node.remove("externalId"));
        String status = text(node.remove("status"));
        String publishedAt = text(node.remove("publishedAt"));
        if (externalId != null && externalId.length() > NinjsMapper.MAX_URI_LENGTH) {
            throw new InvalidRequestProblem("externalId", "at most " + NinjsMapper.MAX_URI_LENGTH + " characters");
        }
        if (status != null && !List.of("DRAFT", "PUBLISHED").contains(status)) {
            throw new InvalidRequestProblem("status", "must be DRAFT or PUBLISHED");
        }
        ArticleRequest content = json.treeToValue(node, ArticleRequest.class);
        ingest.check(content);
        Instant published = NinjsMapper.time("publishedAt", publishedAt);
        List<UUID> relatedIds = content.relatedIds() == null || content.relatedIds().isEmpty() ? null : content.relatedIds();
        return new IngestDocument(externalId, null, published, "PUBLISHED".equals(status) ? PubStatus.USABLE : PubStatus.DRAFT, null,
                content, null, null, List.of(), relatedIds, NinjsMapper.hash(node.put("status", status == null ? "DRAFT" : status)));
    }

    private void write(List<Prepared> chunk, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            List<IngestService.Result> results = ArticleEvents.quietly(() -> transaction.execute(status -> writeChunk(chunk)));
            results.forEach(tally::count);
        } catch (RuntimeException chunkFailed) {
            // Some line broke the chunk's transaction: write each on its own so the others still land.
            for (Prepared prepared : chunk) {
                try {
                    tally.count(ArticleEvents.quietly(() -> transaction.execute(status -> ingest.ingest(prepared.document()))));
                } catch (RuntimeException e) {
                    tally.fail(prepared.line(), describe(e));
                }
            }
        }
    }

    /**
     * New stories are created together with batched writes; the rest (known uris, read-also links,
     * embargoes, withdrawals, and a uri's second occurrence in the chunk) one by one, after them.
     */
    private List<IngestService.Result> writeChunk(List<Prepared> chunk) {
        Set<String> known = ingest.knownUris(chunk.stream().map(p -> p.document().uri()).filter(Objects::nonNull).toList());
        Set<String> seen = new HashSet<>();
        List<IngestDocument> together = new ArrayList<>();
        List<IngestDocument> oneByOne = new ArrayList<>();
        for (Prepared prepared : chunk) {
            IngestDocument document = prepared.document();
            boolean firstOfItsUri = document.uri() == null || (!known.contains(document.uri()) && seen.add(document.uri()));
            (firstOfItsUri && ingest.canCreateInBulk(document) ? together : oneByOne).add(document);
        }
        List<IngestService.Result> results = new ArrayList<>(ingest.createAll(together));
        oneByOne.forEach(document -> results.add(ingestAndForget(document)));
        entityManager.flush();
        entityManager.clear();
        return results;
    }

    /**
     * Each document is independent of the others in its chunk: letting go of its entities keeps
     * Hibernate from checking every earlier one again at each later flush (quadratic in the chunk).
     */
    private IngestService.Result ingestAndForget(IngestDocument document) {
        IngestService.Result result = ingest.ingest(document);
        entityManager.flush();
        entityManager.clear();
        return result;
    }

    /** A line's failure in words a sender can act on; never SQL or class names. */
    private static String describe(Exception e) {
        if (e instanceof InvalidRequestProblem invalid && invalid.properties().get("errors") instanceof List<?> errors) {
            return errors.stream().map(error -> error instanceof FieldProblem f ? f.field() + ": " + f.message() : String.valueOf(error))
                    .collect(Collectors.joining("; "));
        }
        if (e instanceof ApiProblem problem) {
            return problem.getMessage();
        }
        if (e instanceof JacksonException jackson) {
            return JsonErrors.describe(jackson);
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        log.warn("Bulk import line failed", e);
        return "the line could not be stored (it conflicts with existing data)";
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /** Counts as the import goes; errors beyond the listed maximum are only counted. */
    private final class Tally {
        long created;
        long updated;
        long unchanged;
        long stale;
        long failed;
        final List<LineError> errors = new ArrayList<>();

        void count(IngestService.Result result) {
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case STALE -> stale++;
            }
        }

        void fail(long line, String detail) {
            failed++;
            if (errors.size() < maxListedErrors) {
                errors.add(new LineError(line, detail));
            }
        }

        Report report() {
            // Lines that failed in the database are known only when their chunk is written: list in line order.
            List<LineError> byLine = errors.stream().sorted(Comparator.comparingLong(LineError::line)).toList();
            return new Report(created, updated, unchanged, stale, failed, byLine, failed - errors.size());
        }
    }
}
