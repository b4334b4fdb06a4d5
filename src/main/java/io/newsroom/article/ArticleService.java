package io.newsroom.article;

import io.newsroom.actor.Actor;
import io.newsroom.audit.AuditLog;
import io.newsroom.author.Author;
import io.newsroom.author.AuthorRef;
import io.newsroom.author.AuthorService;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.problem.PreconditionProblem;
import io.newsroom.source.Source;
import io.newsroom.source.SourceRepository;
import io.newsroom.tag.TagService;
import io.newsroom.text.Slugs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place editorial changes go through, whichever API (admin, ingest, demo) asks for them.
 * Each change is validated, recorded as a revision when it touches content, and audited, all in
 * the transaction of the change.
 */
@Service
@NamedInterface("api")
public class ArticleService {

    private final ArticleRepository articles;
    private final SourceRepository sources;
    private final TagService tags;
    private final AuthorService authors;
    private final ArticleRevisions revisions;
    private final FormerSlugs formerSlugs;
    private final AuditLog audit;
    private final ArticleAnnouncer announcer;
    private final WriterScope writers;
    private final Clock clock;
    private final ArticlePhotos photos;

    ArticleService(ArticleRepository articles, SourceRepository sources, TagService tags, AuthorService authors, ArticleRevisions revisions,
                   FormerSlugs formerSlugs, AuditLog audit, ArticleAnnouncer announcer, ArticlePhotos photos, WriterScope writers, Clock clock) {
        this.photos = photos;
        this.articles = articles;
        this.sources = sources;
        this.tags = tags;
        this.authors = authors;
        this.revisions = revisions;
        this.formerSlugs = formerSlugs;
        this.audit = audit;
        this.announcer = announcer;
        this.writers = writers;
        this.clock = clock;
    }

    /** The article, if the current actor may see it: a WRITER finds only their own ({@link WriterScope}). */
    @Transactional(readOnly = true)
    public Article get(UUID id) {
        if (!writers.maySee(id)) {
            throw new ArticleNotFoundException(id);
        }
        return articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    @Transactional
    public Article create(NewArticle command) {
        return create(command, Announcing.EACH_CHANGE);
    }

    @Transactional
    public Article create(NewArticle command, Announcing announcing) {
        Instant now = clock.instant();
        ArticleContent content = photos.resolve(command.content()).withBody(BodySanitizer.clean(command.content().bodyHtml()));
        String requested = command.slug() == null || command.slug().isBlank() ? content.headline() : command.slug();
        String slug = Slugs.unique(Slugs.of(requested), key -> articles.existsBySlugKey(key) || formerSlugs.articleFor(key).isPresent());
        Actor actor = Actor.current();
        Article article = new Article(content, source(content.sourceId()), slug, actor.keyId(), actor.personId(), now);
        article.tagWith(tags.resolve(command.tagNames()), now);
        article.credit(credits(command, content.sourceId(), actor), now);
        if (command.externalId() != null) {
            article.assignExternalId(command.externalId());
        }
        // Linked before the first save: Hibernate 7 did not cascade links added to a just-persisted
        // article's inverse collection , only those present at persist.
        article.relateTo(relatedArticles(article.getId(), command.relatedIds(), List.of(), "relatedIds"), now);
        articles.saveAndFlush(article);
        revisions.record(article, "created", now);
        audit.record("article.created", "article", article.getId(), article.getId(), Map.of("slug", slug));
        announcer.announce(article, announcing);
        return article;
    }

    /**
     * The authors a new article credits: those it names; else, when a person writes it in person, the
     * author linked to them (made on their first article), as WordPress credits the signed-in user.
     */
    private List<Author> credits(NewArticle command, UUID sourceId, Actor actor) {
        List<Author> named = authors.resolve(command.authors(), sourceId);
        boolean namesThemselves = actor.personName() != null && actor.personName().codePoints().anyMatch(Character::isLetterOrDigit);
        if (!named.isEmpty() || actor.kind() != Actor.Kind.PERSON || !namesThemselves) {
            return named;
        }
        return List.of(authors.forPerson(actor.personId(), actor.personName()));
    }

    /** Replaces the editable state, provided the caller edited {@code expectedVersion} (no lost updates). */
    @Transactional
    public Article update(UUID id, long expectedVersion, ArticleChanges changes) {
        return update(id, expectedVersion, changes, Announcing.EACH_CHANGE);
    }

    @Transactional
    public Article update(UUID id, long expectedVersion, ArticleChanges changes, Announcing announcing) {
        Article article = lockedForChange(id, OptionalLong.of(expectedVersion));
        checkMayEdit(article);
        Instant now = clock.instant();
        applyAndRecord(article, changes, "updated", now);
        audit.record("article.updated", "article", id, id, Map.of("version", article.getVersion()));
        announcer.announce(article, announcing);
        return article;
    }

    @Transactional
    public Article submit(UUID id, OptionalLong ifMatch) {
        return transition(id, ifMatch, ArticleStatus.IN_REVIEW, "article.submitted", Announcing.EACH_CHANGE, (article, now) -> article.submit(now));
    }

    @Transactional
    public Article publish(UUID id) {
        return publish(id, OptionalLong.empty());
    }

    @Transactional
    public Article publish(UUID id, OptionalLong ifMatch) {
        return publish(id, ifMatch, null);
    }

    /** Publishes now, and when {@code unpublishAt} is given, plans the end of its time with readers too. */
    @Transactional
    public Article publish(UUID id, OptionalLong ifMatch, Instant unpublishAt) {
        Article article = transition(id, ifMatch, ArticleStatus.PUBLISHED, "article.published", Announcing.EACH_CHANGE, (a, now) -> {
            a.publish(now);
            if (unpublishAt != null) {
                planUnpublishing(a, unpublishAt, "unpublishAt", now);
            }
        });
        if (unpublishAt != null && !unpublishAt.equals(article.getUnpublishAt())) {
            return planUnpublishing(id, unpublishAt, OptionalLong.empty()); // it was published already
        }
        return article;
    }

    /** Publishes with a given publication time: for stories first published elsewhere (ingest, demo). */
    @Transactional
    public Article publish(UUID id, Instant publishedAt, Announcing announcing) {
        return transition(id, OptionalLong.empty(), null, "article.published", announcing, (article, now) -> article.publish(publishedAt));
    }

    /** The scheduling job's step: a scheduled article whose time has come becomes PUBLISHED. */
    @Transactional
    public Article publishAsScheduled(UUID id) {
        return transition(id, OptionalLong.empty(), null, "article.published", Announcing.EACH_CHANGE,
                (article, now) -> article.publishAsScheduled(now));
    }

    @Transactional
    public Article unpublish(UUID id, Announcing announcing) {
        return unpublish(id, OptionalLong.empty(), announcing);
    }

    @Transactional
    public Article unpublish(UUID id, OptionalLong ifMatch) {
        return unpublish(id, ifMatch, Announcing.EACH_CHANGE);
    }

    private Article unpublish(UUID id, OptionalLong ifMatch, Announcing announcing) {
        return transition(id, ifMatch, ArticleStatus.UNPUBLISHED, "article.unpublished", announcing, (article, now) -> article.unpublish(now));
    }

    @Transactional
    public Article archive(UUID id, OptionalLong ifMatch) {
        return transition(id, ifMatch, ArticleStatus.ARCHIVED, "article.archived", Announcing.EACH_CHANGE, (article, now) -> article.archive(now));
    }

    @Transactional
    public Article schedule(UUID id, Instant at, Announcing announcing) {
        return schedule(id, at, null, OptionalLong.empty(), announcing);
    }

    @Transactional
    public Article schedule(UUID id, Instant at, OptionalLong ifMatch) {
        return schedule(id, at, null, ifMatch);
    }

    /** Plans publication at {@code at} and, when {@code unpublishAt} is given, its end. */
    @Transactional
    public Article schedule(UUID id, Instant at, Instant unpublishAt, OptionalLong ifMatch) {
        return schedule(id, at, unpublishAt, ifMatch, Announcing.EACH_CHANGE);
    }

    private Article schedule(UUID id, Instant at, Instant unpublishAt, OptionalLong ifMatch, Announcing announcing) {
        if (!at.isAfter(clock.instant())) {
            throw new InvalidRequestProblem("at", "must be in the future");
        }
        return transition(id, ifMatch, null, "article.scheduled", announcing, (article, now) -> {
            article.schedule(at, now);
            if (unpublishAt != null) {
                planUnpublishing(article, unpublishAt, "unpublishAt", now);
            }
        });
    }

    /**
     * Plans when readers stop seeing a published or scheduled article ({@code at}), or cancels the
     * plan (null). Readers stop seeing it at that time whatever runs; the unpublishing job then marks
     * it UNPUBLISHED and announces {@code article.unpublished} ({@link #unpublishAsPlanned}).
     */
    @Transactional
    public Article planUnpublishing(UUID id, Instant at, OptionalLong ifMatch) {
        Article article = lockedForChange(id, ifMatch);
        checkMayEdit(article);
        if (Objects.equals(at, article.getUnpublishAt())) {
            return article;
        }
        Instant now = clock.instant();
        planUnpublishing(article, at, "at", now);
        articles.flush();
        if (at == null) {
            audit.record("article.unpublishing-cancelled", "article", id, id, Map.of());
        } else {
            audit.record("article.unpublishing-planned", "article", id, id, Map.of("unpublishAt", at.toString()));
        }
        announcer.announce(article);
        return article;
    }

    /** The unpublishing job's step: a published article whose planned time has passed becomes UNPUBLISHED. */
    @Transactional
    public Article unpublishAsPlanned(UUID id) {
        return transition(id, OptionalLong.empty(), null, "article.unpublished", Announcing.EACH_CHANGE,
                (article, now) -> article.unpublishAsPlanned(now));
    }

    /** The article's plan to unpublish, its rule broken answered as an invalid {@code field} of the request. */
    private static void planUnpublishing(Article article, Instant at, String field, Instant now) {
        try {
            article.planUnpublishing(at, now);
        } catch (InvalidChangeException e) {
            throw new InvalidRequestProblem(field, e.getMessage());
        }
    }

    /** Soft delete: the article leaves every list and public endpoint, and can be restored. Deleting it again changes nothing. */
    @Transactional
    public Article delete(UUID id, OptionalLong ifMatch) {
        Article article = lockedForChange(id, ifMatch);
        if (article.getDeletedAt() != null) {
            return article;
        }
        Instant now = clock.instant();
        article.delete(now);
        articles.flush();
        audit.record("article.deleted", "article", id, id, Map.of());
        announcer.announce(article);
        return article;
    }

    /** Brings a deleted article back; restoring one that is not deleted changes nothing. */
    @Transactional
    public Article restore(UUID id, OptionalLong ifMatch) {
        Article article = lockedForChange(id, ifMatch);
        if (article.getDeletedAt() == null) {
            return article;
        }
        Instant now = clock.instant();
        article.restore(now);
        articles.flush();
        audit.record("article.restored", "article", id, id, Map.of());
        announcer.announce(article);
        return article;
    }

    /** Replaces the ordered read-also list, whole: of two lists sent at once, the later one stands. */
    @Transactional
    public Article relate(UUID id, List<UUID> relatedIds, OptionalLong ifMatch) {
        Article article = lockedForChange(id, ifMatch);
        checkMayEdit(article);
        Instant now = clock.instant();
        article.relateTo(relatedArticles(id, relatedIds, article.getRelated(), "ids"), now);
        articles.flush();
        revisions.record(article, "read-also changed", now); // so a revision diff shows what came and went
        audit.record("article.related", "article", id, id, Map.of("relatedIds", relatedIds));
        announcer.announce(article);
        return article;
    }

    @Transactional(readOnly = true)
    public List<ArticleRevision> revisions(UUID id) {
        get(id);
        return revisions.list(id);
    }

    @Transactional(readOnly = true)
    public ArticleRevision revision(UUID id, int number) {
        get(id);
        return revisions.find(id, number).orElseThrow(() -> new NotFoundProblem("No revision " + number + " of article " + id));
    }

    /** Brings back the content of revision {@code number}; the restore is itself a new revision. */
    @Transactional
    public Article restoreRevision(UUID id, int number) {
        Article article = lockedForChange(id, OptionalLong.empty());
        checkMayEdit(article);
        ArticleSnapshot snapshot = revision(id, number).snapshot();
        Instant now = clock.instant();
        ArticleContent content = photos.resolveKept(snapshot.content());
        if (content.sourceId() != null && !sources.existsById(content.sourceId())) {
            content = new ArticleContent(content.headline(), content.subheadline(), content.bodyHtml(), content.excerpt(),
                    content.byline(), content.language(), null, content.sourceUrl(), content.image());
        }
        List<AuthorRef> credited = snapshot.authorIds() == null ? null : authors.existing(snapshot.authorIds()).stream().map(AuthorRef::byId).toList();
        applyAndRecord(article, new ArticleChanges(content, snapshot.tags(), null, snapshot.slug(), credited), "restored from revision " + number, now);
        audit.record("article.revision-restored", "article", id, id, Map.of("revision", number));
        announcer.announce(article);
        return article;
    }

    /**
     * The article, locked for the rest of the transaction (SELECT ... FOR UPDATE), so that changes to
     * one article run one after another and each sees the one before it: two publishes, an edit and a
     * delete, two read-also lists sent at once end in defined answers instead of a lost write or a
     * failed commit. {@code ifMatch}, when given, must name the version found (412 otherwise).
     */
    Article lockedForChange(UUID id, OptionalLong ifMatch) {
        // whose article it is first: a WRITER does not lock, or learn of, someone else's
        if (!writers.maySee(id) || articles.lockRow(id) == 0) {
            throw new ArticleNotFoundException(id);
        }
        Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        if (ifMatch.isPresent() && ifMatch.getAsLong() != article.getVersion()) {
            throw PreconditionProblem.failed(article.getVersion(), ArticleETags.of(article.getVersion()));
        }
        return article;
    }

    /** A content change and its revision, in that order. */
    private void applyAndRecord(Article article, ArticleChanges changes, String change, Instant now) {
        apply(article, changes, now);
        articles.flush(); // takes the row lock and checks the version before the revision number is taken
        revisions.record(article, change, now);
    }

    private void apply(Article article, ArticleChanges changes, Instant now) {
        ArticleContent content = photos.resolve(changes.content()).withBody(BodySanitizer.clean(changes.content().bodyHtml()));
        article.edit(content, source(content.sourceId()), now);
        article.tagWith(tags.resolve(changes.tagNames()), now);
        List<Author> credited = changes.authors() == null ? List.copyOf(article.getAuthors()) : authors.resolve(changes.authors(), content.sourceId());
        article.credit(credited, now);
        if (changes.slug() != null && !changes.slug().isBlank()) {
            rename(article, Slugs.of(changes.slug()), now);
        }
        if (changes.relatedIds() != null) {
            article.relateTo(relatedArticles(article.getId(), changes.relatedIds(), article.getRelated(), "relatedIds"), now);
        }
    }

    /** A published article's old slug keeps answering (301) once it is renamed. */
    private void rename(Article article, String slug, Instant now) {
        String key = Slugs.key(slug);
        if (key.equals(Slugs.key(article.getSlug()))) {
            return;
        }
        if (articles.existsBySlugKey(key) || formerSlugs.isTakenByAnother(key, article.getId())) {
            throw new ConflictProblem("The slug '" + slug + "' is already used by another article").property("slug", slug);
        }
        if (article.getPublishedAt() != null) {
            formerSlugs.remember(Slugs.key(article.getSlug()), article.getId(), now);
        }
        formerSlugs.forget(key);
        article.changeSlug(slug, now);
    }

    /**
     * A lifecycle step. {@code target}, for steps that name one status, makes a repeated step
     * idempotent: an article already there is answered as it is (of ten publishes at once, the first
     * publishes and the others find it published), with no new version, audit entry or event.
     */
    private Article transition(UUID id, OptionalLong ifMatch, ArticleStatus target, String action, Announcing announcing,
                               Transition transition) {
        Article article = lockedForChange(id, ifMatch);
        checkMayEdit(article);
        if (target != null && article.getStatus() == target) {
            return article;
        }
        ArticleStatus before = article.getStatus();
        Instant now = clock.instant();
        transition.apply(article, now);
        articles.flush(); // the response carries the new version (ETag)
        audit.record(action, "article", id, id, Map.of("from", before.name(), "to", article.getStatus().name()));
        announcer.announce(article, announcing);
        return article;
    }

    /** Deleted articles are restored before anything else is done to them. Whose article it is was settled by {@link #get}. */
    void checkMayEdit(Article article) {
        if (article.getDeletedAt() != null) {
            throw new ConflictProblem("The article is deleted; restore it first (POST /api/admin/articles/" + article.getId() + "/restore)");
        }
    }

    private Source source(UUID sourceId) {
        if (sourceId == null) {
            return null;
        }
        return sources.findById(sourceId).orElseThrow(() -> new InvalidRequestProblem("sourceId", "no source with this id"));
    }

    /**
     * The read-also articles, in order; the article's rules are checked before they are loaded, and named
     * as {@code field}. A WRITER links their own articles and published ones and never learns of others'
     * unpublished work: those an editor linked before ({@code current}) stay, each in its place.
     */
    private List<Article> relatedArticles(UUID articleId, List<UUID> requested, List<Article> current, String field) {
        Set<UUID> shown = shownToCurrentActor(current).stream().map(Article::getId).collect(Collectors.toSet());
        List<UUID> kept = current.stream().map(Article::getId).filter(id -> !shown.contains(id) && !requested.contains(id)).toList();
        // The WRITER's list takes the places of what she saw; the rest keep theirs.
        List<UUID> ids = new ArrayList<>();
        Iterator<UUID> next = requested.iterator();
        for (Article linked : current) {
            if (kept.contains(linked.getId())) {
                ids.add(linked.getId());
            } else if (next.hasNext()) {
                ids.add(next.next());
            }
        }
        next.forEachRemaining(ids::add);
        try {
            Article.checkReadAlso(articleId, ids);
        } catch (InvalidChangeException e) {
            throw new InvalidRequestProblem(field, e.getMessage());
        }
        Set<UUID> own = writers.visibleAmong(requested);
        List<Article> found = articles.findAllById(ids).stream().filter(a -> a.getDeletedAt() == null)
                .filter(a -> own.contains(a.getId()) || a.getStatus() == ArticleStatus.PUBLISHED || kept.contains(a.getId())).toList();
        if (found.size() != ids.size()) {
            throw new InvalidRequestProblem(field, "every id must name an existing article");
        }
        return ids.stream().map(id -> found.stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow()).toList();
    }

    /** The read-also articles of {@code article} the current actor may know of: all, or a WRITER's own and published ones. */
    @Transactional(readOnly = true)
    public List<Article> readAlsoShown(Article article) {
        return shownToCurrentActor(article.getRelated());
    }

    private List<Article> shownToCurrentActor(List<Article> related) {
        if (related.isEmpty() || !WriterScope.limits(Actor.current())) {
            return related;
        }
        Set<UUID> own = writers.visibleAmong(related.stream().map(Article::getId).toList());
        return related.stream().filter(a -> own.contains(a.getId()) || a.getStatus() == ArticleStatus.PUBLISHED).toList();
    }

    @FunctionalInterface
    private interface Transition {
        void apply(Article article, Instant now);
    }
}
