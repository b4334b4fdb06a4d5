package io.newsroom.ingest;

import io.newsroom.actor.Actor;
import io.newsroom.article.Article;
import io.newsroom.article.Announcing;
import io.newsroom.article.ArticleImport;
import io.newsroom.article.ArticleRequest;
import io.newsroom.article.ArticleService;
import io.newsroom.article.ArticleStatus;
import io.newsroom.article.ArticleStories;
import io.newsroom.ingest.IngestDocument.PubStatus;
import io.newsroom.problem.FieldProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.security.ApiKeyService;
import io.newsroom.source.SourceService;
import io.newsroom.tag.TagService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upserts stories pushed in by newsroom tools, keyed by their uri, through {@link ArticleService}:
 * the same sanitising, revisions, audit and events as edits made in the admin API.
 */
@Service
public class IngestService {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, STALE }

    /** What became of one document; {@code warnings} name what could not be used (read-also links to unknown uris). */
    public record Result(Outcome outcome, UUID articleId, ArticleStatus status, long version, List<String> warnings) {
    }

    /** The story a new document joins: that of article {@code articleId}, for the reason the audit log keeps. */
    public record StoryToJoin(UUID articleId, String reason) {
    }

    private record Previous(UUID articleId, Instant versionCreated, String contentHash) {
    }

    /** ninjs names of the fields the admin API's constraints speak of. */
    private static final Map<String, String> NINJS_FIELDS = Map.of("headline", "headlines", "subheadline", "headlines",
            "bodyHtml", "bodies", "excerpt", "descriptions", "byline", "by", "language", "language", "tags", "subjects",
            "image", "associations");

    private final ArticleService articles;
    private final ArticleImport articleImport;
    private final ArticleStories stories;
    private final SourceService sources;
    private final TagService tags;
    private final ApiKeyService keys;
    private final JdbcTemplate jdbc;
    private final Validator validator;
    private final IngestPhotos photos;
    private final Clock clock;

    IngestService(ArticleService articles, ArticleImport articleImport, ArticleStories stories, SourceService sources, TagService tags, ApiKeyService keys,
                  JdbcTemplate jdbc, Validator validator, IngestPhotos photos, Clock clock) {
        this.photos = photos;
        this.articles = articles;
        this.articleImport = articleImport;
        this.stories = stories;
        this.sources = sources;
        this.tags = tags;
        this.keys = keys;
        this.jdbc = jdbc;
        this.validator = validator;
        this.clock = clock;
    }

    /** Maps and validates a ninjs document, with the admin API's constraints; nothing is written. */
    public IngestDocument readNinjs(tools.jackson.databind.JsonNode document) {
        IngestDocument mapped = NinjsMapper.map(document);
        check(mapped.content(), field -> NINJS_FIELDS.getOrDefault(field.replaceAll("[.\\[].*", ""), field));
        return mapped;
    }

    /** Validates an article line of a bulk import (the admin API's shape) with the admin API's constraints. */
    public void check(ArticleRequest content) {
        check(content, UnaryOperator.identity());
    }

    @Transactional
    public Result ingest(IngestDocument document) {
        return ingest(document, null, Announcing.EACH_CHANGE);
    }

    /** As {@link #ingest(IngestDocument)}, with what readers can notice announced or not, as {@code announcing} says. */
    @Transactional
    public Result ingest(IngestDocument document, Announcing announcing) {
        return ingest(document, null, announcing);
    }

    /**
     * As {@link #ingest(IngestDocument)}; a document seen for the first time that tells the story
     * {@code sameStory} names joins that story before it is published, so readers and subscribers
     * never see it on its own (the feed intake decides that; nothing else does yet).
     */
    @Transactional
    public Result ingest(IngestDocument document, StoryToJoin sameStory) {
        return ingest(document, sameStory, Announcing.EACH_CHANGE);
    }

    private Result ingest(IngestDocument document, StoryToJoin sameStory, Announcing announcing) {
        boolean asDraft = keys.ingestsAsDraft(Actor.current().id());
        Optional<Previous> previous = Optional.empty();
        if (document.uri() != null) {
            // One document per uri at a time: concurrent pushes of one story cannot both create it.
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class, document.uri());
            previous = jdbc.query("SELECT article_id, version_created, content_hash FROM ingested_documents WHERE uri = ?",
                    (row, n) -> new Previous(row.getObject("article_id", UUID.class), instant(row.getTimestamp("version_created")),
                            row.getString("content_hash")), document.uri()).stream().findFirst();
        }
        Article existing = previous.map(before -> articles.get(before.articleId())).orElse(null);
        if (existing != null) {
            Previous before = previous.get();
            if (document.versionCreated() != null && before.versionCreated() != null && document.versionCreated().isBefore(before.versionCreated())) {
                return result(Outcome.STALE, existing, List.of("versioncreated " + document.versionCreated() + " is older than the stored "
                        + before.versionCreated() + "; the document was ignored"));
            }
            if (before.contentHash().equals(document.contentHash())) {
                return result(Outcome.UNCHANGED, existing, List.of());
            }
        }
        List<String> warnings = new ArrayList<>();
        ArticleRequest request = photos.keep(resolved(document, warnings), warnings);
        Article article = existing == null
                ? articles.create(request.toNewArticle(document.uri()), announcing)
                : articles.update(existing.getId(), existing.getVersion(), request.toChanges(), announcing);
        if (existing == null && sameStory != null) {
            article = stories.join(article.getId(), sameStory.articleId(), sameStory.reason());
        }
        article = applyStatus(article, document, asDraft, existing == null, announcing);
        if (document.uri() != null) {
            remember(document, article.getId());
        }
        return result(existing == null ? Outcome.CREATED : Outcome.UPDATED, article, warnings);
    }

    /** Which of these uris were ingested before. */
    @Transactional(readOnly = true)
    public Set<String> knownUris(Collection<String> uris) {
        return new HashSet<>(jdbc.queryForList("SELECT uri FROM ingested_documents WHERE uri = ANY (?)", String.class,
                (Object) uris.toArray(String[]::new)));
    }

    /**
     * Whether {@link #createAll} can take this document: a new story without read-also links, to be
     * published now or kept as a draft. The others go through {@link #ingest} one by one.
     */
    public boolean canCreateInBulk(IngestDocument document) {
        return document.relatedUris().isEmpty() && (document.relatedIds() == null || document.relatedIds().isEmpty())
                && document.pubStatus() != PubStatus.WITHHELD
                && (document.embargoed() == null || !document.embargoed().isAfter(clock.instant()));
    }

    /**
     * Creates the tags and sources these documents name that do not exist yet, in a transaction of
     * its own. A bulk import does this for each chunk before the chunk is written, so that chunks
     * written side by side only ever find their tags: two transactions creating the same new tag
     * would collide on its unique key, and the loser would have to be written again line by line.
     */
    @Transactional
    public void createTagsAndSources(List<IngestDocument> documents) {
        tags.createMissing(documents.stream().map(IngestDocument::content).filter(content -> content.tags() != null)
                .flatMap(content -> content.tags().stream()).toList());
        Map<String, String> sourceUrls = new LinkedHashMap<>();
        documents.stream().filter(document -> document.sourceName() != null)
                .forEach(document -> sourceUrls.putIfAbsent(document.sourceName(), document.sourceUrl()));
        sourceUrls.forEach(sources::findOrCreate);
    }

    /**
     * Creates new stories (none ingested before, see {@link #canCreateInBulk}) with batched writes;
     * what readers see of them is announced as {@code announcing} says (a feed's news is; a bulk
     * import's backfill is not).
     */
    @Transactional
    public List<Result> createAll(List<IngestDocument> documents, Announcing announcing) {
        if (documents.isEmpty()) {
            return List.of();
        }
        boolean asDraft = keys.ingestsAsDraft(Actor.current().id());
        Instant now = clock.instant();
        Map<String, UUID> sourceIds = new HashMap<>();
        List<ArticleImport.NewImportedArticle> imported = new ArrayList<>(documents.size());
        List<List<String>> warnings = new ArrayList<>(documents.size());
        for (IngestDocument document : documents) {
            List<String> itemWarnings = new ArrayList<>();
            warnings.add(itemWarnings);
            ArticleRequest content = document.content();
            UUID sourceId = document.sourceName() == null ? content.sourceId() : sourceIds.computeIfAbsent(document.sourceName(),
                    name -> sources.findOrCreate(name, document.sourceUrl()).getId());
            ArticleRequest request = photos.keep(content.withSourceAndRelated(sourceId, null), itemWarnings);
            boolean publish = (document.pubStatus() == PubStatus.USABLE || document.pubStatus() == PubStatus.PUBLISH_WHEN_NEW) && !asDraft;
            imported.add(new ArticleImport.NewImportedArticle(request.toNewArticle(document.uri()), publish ? publicationTime(document, now) : null));
        }
        List<Article> created = articleImport.createAll(imported, announcing);
        List<Object[]> remembered = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            IngestDocument document = documents.get(i);
            if (document.uri() != null) {
                remembered.add(new Object[] {document.uri(), created.get(i).getId(),
                        document.versionCreated() == null ? null : Timestamp.from(document.versionCreated()), document.contentHash(),
                        Timestamp.from(now)});
            }
        }
        jdbc.batchUpdate("INSERT INTO ingested_documents (uri, article_id, version_created, content_hash, ingested_at) VALUES (?, ?, ?, ?, ?)",
                remembered);
        List<Result> results = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            results.add(result(Outcome.CREATED, created.get(i), warnings.get(i)));
        }
        return results;
    }

    /** Source by name (created if missing) and read-also links by uri (unknown ones are skipped and named). */
    private ArticleRequest resolved(IngestDocument document, List<String> warnings) {
        ArticleRequest content = document.content();
        UUID sourceId = document.sourceName() == null ? content.sourceId()
                : sources.findOrCreate(document.sourceName(), document.sourceUrl()).getId();
        List<UUID> relatedIds = document.relatedIds();
        if (!document.relatedUris().isEmpty()) {
            relatedIds = new ArrayList<>();
            for (String uri : document.relatedUris()) {
                List<UUID> found = jdbc.queryForList("SELECT article_id FROM ingested_documents WHERE uri = ?", UUID.class, uri);
                if (found.isEmpty()) {
                    warnings.add("associations: no story was ingested with uri " + uri + "; read-also link skipped");
                } else if (!relatedIds.contains(found.get(0))) {
                    relatedIds.add(found.get(0));
                }
            }
            relatedIds = relatedIds.subList(0, Math.min(relatedIds.size(), Article.MAX_RELATED));
        }
        return content.withSourceAndRelated(sourceId, relatedIds);
    }

    /**
     * usable: published (scheduled while embargoed), unless this key ingests drafts; withheld or canceled:
     * taken off the site. An editor's archiving is not undone by a wire update.
     */
    private Article applyStatus(Article article, IngestDocument document, boolean asDraft, boolean created, Announcing announcing) {
        ArticleStatus status = article.getStatus();
        Instant now = clock.instant();
        if (document.pubStatus() == PubStatus.PUBLISH_WHEN_NEW) {
            return created && !asDraft ? articles.publish(article.getId(), publicationTime(document, now), announcing) : article;
        }
        if (document.pubStatus() == PubStatus.WITHHELD) {
            return status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED ? articles.unpublish(article.getId(), announcing) : article;
        }
        if (document.pubStatus() != PubStatus.USABLE || asDraft) {
            return article;
        }
        if (document.embargoed() != null && document.embargoed().isAfter(now)) {
            boolean alreadyPlanned = status == ArticleStatus.SCHEDULED && document.embargoed().equals(article.getScheduledAt());
            return alreadyPlanned || !status.next().contains(ArticleStatus.SCHEDULED) ? article : articles.schedule(article.getId(), document.embargoed(), announcing);
        }
        if (status == ArticleStatus.PUBLISHED || !status.next().contains(ArticleStatus.PUBLISHED)) {
            return article;
        }
        return articles.publish(article.getId(), publicationTime(document, now), announcing);
    }

    /** When it was first published elsewhere, if that is known and not in the future; else now. */
    private static Instant publicationTime(IngestDocument document, Instant now) {
        return document.publishedAt() == null || document.publishedAt().isAfter(now) ? now : document.publishedAt();
    }

    private void remember(IngestDocument document, UUID articleId) {
        jdbc.update("""
                INSERT INTO ingested_documents (uri, article_id, version_created, content_hash, ingested_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (uri) DO UPDATE SET version_created = excluded.version_created, content_hash = excluded.content_hash,
                    ingested_at = excluded.ingested_at""",
                document.uri(), articleId, document.versionCreated() == null ? null : Timestamp.from(document.versionCreated()),
                document.contentHash(), Timestamp.from(clock.instant()));
    }

    private void check(ArticleRequest content, UnaryOperator<String> fieldName) {
        List<FieldProblem> problems = validator.validate(content).stream()
                .sorted(Comparator.comparing((ConstraintViolation<ArticleRequest> v) -> v.getPropertyPath().toString()))
                .map(v -> new FieldProblem(fieldName.apply(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestProblem(problems);
        }
    }

    private static Result result(Outcome outcome, Article article, List<String> warnings) {
        return new Result(outcome, article.getId(), article.getStatus(), article.getVersion(), warnings);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
