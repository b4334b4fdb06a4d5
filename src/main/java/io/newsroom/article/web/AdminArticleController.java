package io.newsroom.article.web;

import io.newsroom.actor.ActorRef;
import io.newsroom.article.Article;
import io.newsroom.article.ArticleETags;
import io.newsroom.article.ArticleFilter;
import io.newsroom.article.ArticleRequest;
import io.newsroom.article.ArticleRevision;
import io.newsroom.article.ArticleService;
import io.newsroom.article.ArticleStatus;
import io.newsroom.article.EditorialArticleQueries;
import io.newsroom.paging.Page;
import io.newsroom.problem.FieldProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/admin/articles")
@Tag(name = "Articles (admin)", description = "Editorial work on articles: CRUD, lifecycle, revisions, read-also")
class AdminArticleController {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ArticleService articles;
    private final EditorialArticleQueries queries;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;
    /** Responses are built inside the transaction, where tags, source and read-also can still be loaded. */
    private final TransactionTemplate transaction;

    AdminArticleController(ArticleService articles, EditorialArticleQueries queries, JsonMapper json, Validator validator,
                           Clock clock, PlatformTransactionManager transactionManager) {
        this.articles = articles;
        this.queries = queries;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @PostMapping
    @Operation(summary = "Create an article (a draft); unknown tag names become tags, unknown author names authors")
    ResponseEntity<AdminArticleResponse> create(@Valid @RequestBody ArticleRequest request) {
        AdminArticleResponse created = inTransaction(() -> articles.create(request.toNewArticle()));
        return ResponseEntity.created(URI.create("/api/admin/articles/" + created.id()))
                .eTag(ArticleETags.of(created.version())).body(created);
    }

    @GetMapping
    @Operation(summary = "List articles, newest created first, with filters and a cursor")
    Page<AdminArticleResponse> list(@RequestParam(required = false) ArticleStatus status,
                                    @RequestParam(required = false) String tag,
                                    @RequestParam(required = false) String source,
                                    @RequestParam(required = false) String author,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "false") boolean deleted,
                                    @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                    @RequestParam(required = false) String cursor) {
        return transaction.execute(tx -> {
            Page<Article> page = queries.list(new ArticleFilter(status, tag, source, q, deleted, author), limit, cursor);
            return new Page<>(page.items().stream().map(a -> AdminArticleResponse.of(a, articles.readAlsoShown(a), clock.instant())).toList(), page.next());
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an article, with its ETag")
    ResponseEntity<AdminArticleResponse> get(@PathVariable UUID id) {
        return withETag(inTransaction(() -> articles.get(id)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an article's editable fields; needs If-Match")
    ResponseEntity<AdminArticleResponse> replace(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody ArticleRequest request) {
        long version = expectedVersion(id, ifMatch);
        return withETag(inTransaction(() -> articles.update(id, version, request.toChanges())));
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, "application/json"})
    @Operation(summary = "Change some fields (JSON merge patch, RFC 7386); needs If-Match")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The fields to change, in the shape of "
            + "ArticleRequest; a field set to null is cleared, a field left out is kept",
            content = {@Content(mediaType = MERGE_PATCH, schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)),
                    @Content(mediaType = "application/json", schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE))})
    ResponseEntity<AdminArticleResponse> patch(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @RequestBody JsonNode patch) {
        long version = expectedVersion(id, ifMatch);
        return withETag(transaction.execute(tx -> {
            ArticleRequest current = requestOf(response(articles.get(id)));
            ArticleRequest merged = merge(current, patch);
            return response(articles.update(id, version, merged.toChanges()));
        }));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an article (soft: restorable)")
    ResponseEntity<Void> delete(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        inTransaction(() -> articles.delete(id, optionalVersion(id, ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Restore a deleted article")
    ResponseEntity<AdminArticleResponse> restore(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(inTransaction(() -> articles.restore(id, optionalVersion(id, ifMatch))));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit for review")
    ResponseEntity<AdminArticleResponse> submit(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(inTransaction(() -> articles.submit(id, optionalVersion(id, ifMatch))));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish now (EDITOR, ADMIN)", description = "Idempotent: an article that is already published is answered as it is."
            + " If-Match is optional on lifecycle calls; when sent, a stale version is 412.")
    ResponseEntity<AdminArticleResponse> publish(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody(required = false) PublishRequest request) {
        Instant unpublishAt = request == null || request.unpublishAt() == null ? null : request.unpublishAt().toInstant();
        return withETag(inTransaction(() -> articles.publish(id, optionalVersion(id, ifMatch), unpublishAt)));
    }

    @PostMapping("/{id}/unpublish")
    @Operation(summary = "Take a published or scheduled article off the public API (EDITOR, ADMIN)")
    ResponseEntity<AdminArticleResponse> unpublish(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(inTransaction(() -> articles.unpublish(id, optionalVersion(id, ifMatch))));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive (EDITOR, ADMIN)")
    ResponseEntity<AdminArticleResponse> archive(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(inTransaction(() -> articles.archive(id, optionalVersion(id, ifMatch))));
    }

    @PostMapping("/{id}/schedule")
    @Operation(summary = "Schedule publication at a future time (EDITOR, ADMIN)")
    ResponseEntity<AdminArticleResponse> schedule(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody ScheduleRequest request) {
        Instant unpublishAt = request.unpublishAt() == null ? null : request.unpublishAt().toInstant();
        return withETag(inTransaction(() -> articles.schedule(id, request.at().toInstant(), unpublishAt, optionalVersion(id, ifMatch))));
    }

    @PutMapping("/{id}/unpublish-at")
    @Operation(summary = "Plan when readers stop seeing a published or scheduled article (EDITOR, ADMIN)",
            description = "Readers stop seeing it at that moment whatever runs; the scheduling job then marks it UNPUBLISHED"
                    + " and sends article.unpublished, once.")
    ResponseEntity<AdminArticleResponse> planUnpublishing(@PathVariable UUID id,
                                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                          @Valid @RequestBody UnpublishAtRequest request) {
        return withETag(inTransaction(() -> articles.planUnpublishing(id, request.at().toInstant(), optionalVersion(id, ifMatch))));
    }

    @DeleteMapping("/{id}/unpublish-at")
    @Operation(summary = "Cancel a planned unpublishing (EDITOR, ADMIN)")
    ResponseEntity<AdminArticleResponse> cancelUnpublishing(@PathVariable UUID id,
                                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(inTransaction(() -> articles.planUnpublishing(id, null, optionalVersion(id, ifMatch))));
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "List revisions, newest first")
    RevisionList revisions(@PathVariable UUID id) {
        return new RevisionList(articles.revisions(id).stream().map(RevisionSummary::of).toList());
    }

    @GetMapping("/{id}/revisions/{number}")
    @Operation(summary = "Get one revision with the content it recorded")
    ArticleRevision revision(@PathVariable UUID id, @PathVariable int number) {
        return articles.revision(id, number);
    }

    @PostMapping("/{id}/revisions/{number}/restore")
    @Operation(summary = "Restore a revision's content (stored as a new revision)")
    ResponseEntity<AdminArticleResponse> restoreRevision(@PathVariable UUID id, @PathVariable int number) {
        return withETag(inTransaction(() -> articles.restoreRevision(id, number)));
    }

    @GetMapping("/{id}/related")
    @Operation(summary = "The curated read-also articles, in order")
    ReadAlsoList related(@PathVariable UUID id) {
        return new ReadAlsoList(inTransaction(() -> articles.get(id)).related());
    }

    @PutMapping("/{id}/related")
    @Operation(summary = "Replace the read-also list (ordered; at most 10; no self, no duplicates)")
    ReadAlsoList relate(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                          @Valid @RequestBody RelatedRequest request) {
        return new ReadAlsoList(inTransaction(() -> articles.relate(id, request.ids(), optionalVersion(id, ifMatch))).related());
    }

    record RevisionList(List<RevisionSummary> items) {
    }

    record ReadAlsoList(List<AdminArticleResponse.ReadAlsoRef> items) {
    }

    record RevisionSummary(int number, Instant createdAt, UUID actorId, String actorName, ActorRef actor, String change) {
        static RevisionSummary of(ArticleRevision r) {
            return new RevisionSummary(r.number(), r.createdAt(), r.actorId(), r.actorName(), r.actor(), r.change());
        }
    }

    private AdminArticleResponse response(Article article) {
        return AdminArticleResponse.of(article, articles.readAlsoShown(article), clock.instant());
    }

    private AdminArticleResponse inTransaction(Supplier<Article> action) {
        return transaction.execute(tx -> response(action.get()));
    }

    private static ResponseEntity<AdminArticleResponse> withETag(AdminArticleResponse article) {
        return ResponseEntity.ok().eTag(ArticleETags.of(article.version())).body(article);
    }

    private OptionalLong optionalVersion(UUID id, String ifMatch) {
        return IfMatch.optional(ifMatch, () -> articles.get(id).getVersion());
    }

    private long expectedVersion(UUID id, String ifMatch) {
        return IfMatch.required(ifMatch, () -> articles.get(id).getVersion());
    }

    private ArticleRequest merge(ArticleRequest current, JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidRequestProblem("body", "a merge patch must be a JSON object");
        }
        ArticleRequest merged;
        try {
            JsonNode target = JsonMergePatch.apply(json.valueToTree(current), patch);
            if (patch.has("authors") && patch.get("authors").isNull() && target instanceof ObjectNode object) {
                object.putArray("authors"); // null clears, as in any merge patch (a left-out authors list keeps them)
            }
            merged = json.treeToValue(target, ArticleRequest.class);
        } catch (JacksonException e) {
            throw new InvalidRequestProblem("body", "the patch names an unknown field or gives a value of the wrong type");
        }
        List<FieldProblem> errors = validator.validate(merged).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        return merged;
    }

    /** The current state in request shape: what a JSON merge patch is applied to. */
    private static ArticleRequest requestOf(AdminArticleResponse article) {
        ArticleRequest.ImageRequest image = article.image() == null ? null
                : new ArticleRequest.ImageRequest(article.image().url(), article.image().mediaId(), article.image().caption(),
                        article.image().credit(), article.image().alt());
        return new ArticleRequest(article.headline(), article.subheadline(), article.bodyHtml(), article.excerpt(),
                article.byline(), article.language(), article.source() == null ? null : article.source().id(),
                article.sourceUrl(), image, article.tags().stream().map(AdminArticleResponse.TagRef::name).toList(),
                article.related().stream().map(AdminArticleResponse.ReadAlsoRef::id).toList(), article.slug(),
                article.authors().stream().map(a -> io.newsroom.author.AuthorRef.byId(a.id())).toList());
    }
}
