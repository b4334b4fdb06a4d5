package io.newsroom.ingest;

import io.newsroom.article.Announcing;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.core.context.SecurityContextHolder;
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
 *
 * <p>While the request's thread reads and validates lines, up to {@code bulk-writers} chunks are
 * written at once, each in its own transaction on its own connection: the database's work on one
 * overlaps the application's on the next. Chunks that name the same story (by uri or externalId,
 * or as a read-also link) are never written side by side, so a story's later line still lands after
 * its earlier one; the tags and sources of a chunk are created before it is handed to a writer.
 * Outcomes are counted in line order.
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

    /** What became of a chunk's lines, counted by the request's thread once the chunk is written. */
    private record Written(List<IngestService.Result> results, List<LineError> failures) {
    }

    /** A chunk being written, and the stories it names (so the next chunks naming one of them wait for it). */
    private record InFlight(Future<Written> written, Set<String> uris) {
    }

    private final IngestService ingest;
    private final EntityManager entityManager;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final int chunkSize;
    private final int maxLineChars;
    private final int maxListedErrors;
    private final int writers;
    private final IngestMetrics metrics;

    BulkImport(IngestService ingest, EntityManager entityManager, JsonMapper json, PlatformTransactionManager transactionManager,
               IngestMetrics metrics,
               @Value("${newsroom.ingest.bulk-chunk-size:200}") int chunkSize,
               @Value("${newsroom.max-request-bytes:4194304}") int maxLineChars,
               @Value("${newsroom.ingest.bulk-max-listed-errors:1000}") int maxListedErrors,
               @Value("${newsroom.ingest.bulk-writers:2}") int writers) {
        this.ingest = ingest;
        this.entityManager = entityManager;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
        this.chunkSize = chunkSize;
        this.maxLineChars = maxLineChars;
        this.maxListedErrors = maxListedErrors;
        this.writers = Math.max(1, writers);
        this.metrics = metrics;
    }

    public Report run(InputStream in) {
        Tally tally = new Tally();
        NdjsonLines lines = new NdjsonLines(in, maxLineChars);
        List<Prepared> chunk = new ArrayList<>(chunkSize);
        Deque<InFlight> inFlight = new ArrayDeque<>();
        // The writers act as the caller (audit entries, the key's ingest-as-draft setting).
        ExecutorService pool = new DelegatingSecurityContextExecutorService(
                Executors.newFixedThreadPool(writers, new CustomizableThreadFactory("bulk-writer-")), SecurityContextHolder.getContext());
        try {
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
                    submit(chunk, pool, inFlight, tally);
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            submit(chunk, pool, inFlight, tally);
            while (!inFlight.isEmpty()) {
                tally.add(await(inFlight.removeFirst()));
            }
        } finally {
            // Chunks still in flight here (reading the request failed) finish on their own: their lines
            // were valid and are stored, as they were when chunks were written one at a time.
            pool.shutdown();
        }
        log.info("Bulk import: {} created, {} updated, {} unchanged, {} stale, {} failed",
                tally.created, tally.updated, tally.unchanged, tally.stale, tally.failed);
        metrics.count("bulk", "created", tally.created);
        metrics.count("bulk", "updated", tally.updated);
        metrics.count("bulk", "unchanged", tally.unchanged);
        metrics.count("bulk", "stale", tally.stale);
        metrics.count("bulk", "failed", tally.failed);
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
        // Checked as it will be stored (plain text, however the line escaped it), and before the line is
        // hashed: a bad line costs its parse and no more.
        ArticleRequest content = json.treeToValue(node, ArticleRequest.class).withPlainText();
        ingest.check(content);
        Instant published = NinjsMapper.time("publishedAt", publishedAt);
        List<UUID> relatedIds = content.relatedIds() == null || content.relatedIds().isEmpty() ? null : content.relatedIds();
        return new IngestDocument(externalId, null, published, "PUBLISHED".equals(status) ? PubStatus.USABLE : PubStatus.DRAFT,
                null, content, null, null, List.of(), relatedIds, NinjsMapper.hash(node.put("status", status == null ? "DRAFT" : status)));
    }

    /**
     * Hands a chunk to a writer once a writer is free and no chunk in flight names one of its
     * stories; counts the chunks that finished meanwhile.
     */
    private void submit(List<Prepared> chunk, ExecutorService pool, Deque<InFlight> inFlight, Tally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        Set<String> uris = new HashSet<>();
        for (Prepared prepared : chunk) {
            if (prepared.document().uri() != null) {
                uris.add(prepared.document().uri());
            }
            uris.addAll(prepared.document().relatedUris());
        }
        while (inFlight.size() >= writers || inFlight.stream().anyMatch(other -> !Collections.disjoint(other.uris(), uris))) {
            tally.add(await(inFlight.removeFirst()));
        }
        createTagsAndSources(chunk);
        inFlight.addLast(new InFlight(pool.submit(() -> write(chunk)), uris));
    }

    private void createTagsAndSources(List<Prepared> chunk) {
        try {
            ingest.createTagsAndSources(chunk.stream().map(Prepared::document).toList());
        } catch (RuntimeException e) {
            // The chunk's writer meets the same problem and reports it against the lines concerned.
            log.debug("Tags and sources of a bulk chunk could not be created ahead", e);
        }
    }

    private static Written await(InFlight chunk) {
        try {
            return chunk.written().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private Written write(List<Prepared> chunk) {
        try {
            return new Written(transaction.execute(status -> writeChunk(chunk)), List.of());
        } catch (RuntimeException chunkFailed) {
            // Some line broke the chunk's transaction: write each on its own so the others still land.
            List<IngestService.Result> results = new ArrayList<>();
            List<LineError> failures = new ArrayList<>();
            for (Prepared prepared : chunk) {
                try {
                    results.add(transaction.execute(status -> ingest.ingest(prepared.document(), Announcing.NOT_FOR_BACKFILL)));
                } catch (RuntimeException e) {
                    failures.add(new LineError(prepared.line(), describe(e)));
                }
            }
            return new Written(results, failures);
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
        List<IngestService.Result> results = new ArrayList<>(ingest.createAll(together, Announcing.NOT_FOR_BACKFILL));
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
        IngestService.Result result = ingest.ingest(document, Announcing.NOT_FOR_BACKFILL);
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

        void add(Written written) {
            written.results().forEach(this::count);
            written.failures().forEach(failure -> fail(failure.line(), failure.detail()));
        }

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
