package io.newsroom.author;

import io.newsroom.audit.AuditLog;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.Bylines;
import io.newsroom.text.CleanText;
import io.newsroom.text.Slugs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authors: created by editors or by name (an article's credits, a feed item's {@code dc:creator}, a
 * ninjs {@code by}), renamed, merged and deleted, with the shape and rules of the tag module: a
 * spelling of an existing name is that author, a merge keeps the merged author's slug (301) and name
 * (the next byline spelled so credits the survivor), and articles are changed by their owner through
 * {@link AuthoredArticles}.
 */
@Service
public class AuthorService {

    /** The scope of the newsroom's own authors (no source) in keys and aliases. */
    static final UUID NEWSROOM = new UUID(0, 0);
    /** The most authors one article credits. */
    public static final int MAX_PER_ARTICLE = 20;

    private final AuthorRepository authors;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final AuthoredArticles authored;
    private final Clock clock;

    AuthorService(AuthorRepository authors, JdbcTemplate jdbc, AuditLog audit, AuthoredArticles authored, Clock clock) {
        this.authors = authors;
        this.jdbc = jdbc;
        this.audit = audit;
        this.authored = authored;
        this.clock = clock;
    }

    /**
     * The authors an article credits, in the order given, each once: those named by id must exist (a
     * 400 naming the field otherwise); those named by name are the authors of that name from
     * {@code sourceId} (the article's source; null: the newsroom's own), spelling variants included,
     * created when new. As for tags, a name another request creates at the same moment is found, not
     * fought over (INSERT ... ON CONFLICT DO NOTHING, then read back), and new names go in in key order
     * so that two requests cannot deadlock.
     */
    @Transactional
    public List<Author> resolve(List<AuthorRef> refs, UUID sourceId) {
        if (refs.size() > MAX_PER_ARTICLE) {
            throw new InvalidRequestProblem("authors", "at most " + MAX_PER_ARTICLE + " authors");
        }
        UUID scope = scope(sourceId);
        Map<String, String> namesByKey = new LinkedHashMap<>();
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            AuthorRef ref = refs.get(i);
            if (ref == null || ref.isEmpty()) {
                throw new InvalidRequestProblem("authors[" + i + "]", "needs an id or a name");
            }
            if (ref.id() != null) {
                ids.add(ref.id());
            } else {
                String key = ArabicNormalizer.key(ref.name());
                if (!Bylines.hasLetterOrDigit(key)) {
                    throw new InvalidRequestProblem("authors[" + i + "].name", "must contain a letter or digit");
                }
                namesByKey.putIfAbsent(key, ref.name());
            }
        }
        Map<UUID, Author> byId = authors.findAllById(ids).stream().collect(Collectors.toMap(Author::getId, Function.identity()));
        for (UUID id : ids) {
            if (!byId.containsKey(id)) {
                throw new InvalidRequestProblem("authors", "no author with id " + id);
            }
        }
        Map<String, UUID> byKey = idsByName(scope, namesByKey.keySet());
        if (byKey.size() < namesByKey.size()) {
            namesByKey.keySet().stream().filter(key -> !byKey.containsKey(key)).sorted()
                    .forEach(key -> insertIfAbsent(namesByKey.get(key), key, sourceId, scope));
            byKey.putAll(idsByName(scope, namesByKey.keySet()));
        }
        Map<UUID, Author> byName = authors.findAllById(byKey.values()).stream().collect(Collectors.toMap(Author::getId, Function.identity()));
        Map<UUID, Author> resolved = new LinkedHashMap<>();
        for (AuthorRef ref : refs) {
            Author author = ref.id() != null ? byId.get(ref.id()) : byName.get(byKey.get(ArabicNormalizer.key(ref.name())));
            resolved.putIfAbsent(author.getId(), author);
        }
        return List.copyOf(resolved.values());
    }

    /**
     * Creates the authors of these names in this source (null: the newsroom's own) that do not exist
     * yet, in key order, for callers that create many articles in one transaction (an import, a feed
     * poll): made ahead of them, two such transactions take their locks in one order and cannot
     * deadlock, and each article's {@link #resolve} then only finds. Names without a letter or digit
     * are left out.
     */
    @Transactional
    public void createMissing(Collection<String> names, UUID sourceId) {
        UUID scope = scope(sourceId);
        Map<String, String> namesByKey = new LinkedHashMap<>();
        for (String raw : names) {
            String name = CleanText.name(raw);
            String key = name == null ? "" : ArabicNormalizer.key(name);
            if (Bylines.hasLetterOrDigit(key)) {
                namesByKey.putIfAbsent(key, name);
            }
        }
        Map<String, UUID> existing = idsByName(scope, namesByKey.keySet());
        namesByKey.keySet().stream().filter(key -> !existing.containsKey(key)).sorted()
                .forEach(key -> insertIfAbsent(namesByKey.get(key), key, sourceId, scope));
    }

    /**
     * The author linked to a person, found or made: a person who writes gets an author. An author of the
     * newsroom's own with the person's name and no person yet (one an editor made before the person
     * first signed in) is linked to them; otherwise a new author is made with the display name. Calls
     * for one person run one after another (a transaction-scoped advisory lock), so a person never gets
     * two authors.
     */
    @Transactional
    public Author forPerson(UUID personId, String displayName) {
        Objects.requireNonNull(personId, "personId");
        jdbc.queryForObject("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?, 0))", Integer.class, "author-of-person:" + personId);
        Optional<Author> linked = authors.findByPersonId(personId);
        if (linked.isPresent()) {
            return linked.get();
        }
        String name = CleanText.name(displayName);
        String key = name == null ? "" : ArabicNormalizer.key(name);
        if (!Bylines.hasLetterOrDigit(key)) {
            throw new InvalidRequestProblem("name", "a person's display name must contain a letter or digit to name an author");
        }
        Instant now = clock.instant();
        List<UUID> unclaimed = jdbc.queryForList("""
                SELECT id FROM authors WHERE source_id IS NULL AND normalized_key = ? AND person_id IS NULL
                ORDER BY created_at, id LIMIT 1 FOR UPDATE""", UUID.class, key);
        Author author = unclaimed.isEmpty()
                ? authors.save(new Author(name, Slugs.unique(Slugs.of(name), this::isSlugKeyTaken), null, now))
                : authors.findById(unclaimed.get(0)).orElseThrow();
        author.linkTo(personId, now);
        authors.flush();
        audit.record("author.linked", "author", author.getId(), null, Map.of("name", author.getName(), "personId", personId));
        return author;
    }

    /** Authors by name; {@code q} finds names containing it (any spelling), {@code sourceId} one source's authors. */
    @Transactional(readOnly = true)
    public Page<Author> list(String q, UUID sourceId, int limit, String cursor) {
        Cursors.NameAndId after = cursor == null ? null : Cursors.decodeNameAndId(cursor);
        String key = q == null ? "" : ArabicNormalizer.key(CleanText.name(q));
        String keyPart = key.isEmpty() ? null : "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Author> fetched = authors.pageByName(after == null ? null : after.name(), after == null ? null : after.id(), keyPart, sourceId,
                limit + 1);
        return Page.of(fetched, limit, a -> Cursors.encode(a.getName(), a.getId()));
    }

    @Transactional(readOnly = true)
    public Author get(UUID id) {
        return authors.findById(id).orElseThrow(() -> new NotFoundProblem("author", id));
    }

    /** A new author; 409 when the source already has an author of this name (or a spelling of it), naming it. */
    @Transactional
    public Author create(AuthorProfile profile) {
        checkSourceExists(profile.sourceId());
        checkNameIsFree(profile.name(), profile.sourceId(), null);
        checkPersonIsFree(profile.personId(), null);
        String base = Slugs.of(profile.slug() == null || profile.slug().isBlank() ? profile.name() : profile.slug());
        Author author = new Author(profile.name(), Slugs.unique(base, this::isSlugKeyTaken), profile.sourceId(), clock.instant());
        author.describe(profile, clock.instant());
        author.linkTo(profile.personId(), clock.instant());
        authors.saveAndFlush(author);
        audit.record("author.created", "author", author.getId(), null, Map.of("name", author.getName()));
        return author;
    }

    /**
     * Renames or re-describes an author. A new slug leaves the old one answering 301; a new name reaches
     * the bylines that were only the authors' names (through the articles' owner).
     */
    @Transactional
    public Author update(UUID id, AuthorProfile profile) {
        Author author = get(id);
        checkSourceExists(profile.sourceId());
        UUID sourceId = profile.sourceId() != null ? profile.sourceId() : author.getSourceId();
        checkNameIsFree(profile.name(), sourceId, id);
        checkPersonIsFree(profile.personId(), id);
        String formerName = author.getName();
        boolean renamed = !formerName.equals(profile.name().strip());
        List<UUID> crediting = renamed ? authored.lockCrediting(id) : List.of();
        Instant now = clock.instant();
        author.describe(profile, now);
        if (profile.personId() != null) {
            author.linkTo(profile.personId(), now);
        }
        if (profile.slug() != null && !profile.slug().isBlank() && !Slugs.key(profile.slug()).equals(author.getSlugKey())) {
            changeSlug(author, Slugs.of(profile.slug()), now);
        }
        authors.flush();
        if (renamed) {
            authored.renamed(id, formerName, crediting);
        }
        audit.record("author.updated", "author", id, null, Map.of("name", author.getName()));
        return author;
    }

    /** Takes the author off every article (their bylines follow when they were only the names), then deletes it. */
    @Transactional
    public void delete(UUID id) {
        Author author = get(id);
        int credited = authored.uncredit(id);
        authors.delete(author);
        authors.flush();
        audit.record("author.deleted", "author", id, null, Map.of("name", author.getName(), "articles", credited));
    }

    /**
     * Merges {@code fromId} into {@code intoId}: its articles credit the surviving author (once, where the
     * merged one stood), its slug answers 301 with the survivor, its name within its source credits the
     * survivor from now on, and the merged author is deleted. A survivor without a person takes the
     * merged author's; two authors of two people are not merged (409). Returns the articles that changed.
     */
    @Transactional
    public List<UUID> merge(UUID fromId, UUID intoId) {
        if (fromId.equals(intoId)) {
            throw new InvalidRequestProblem("intoId", "an author cannot be merged into itself");
        }
        Author from = get(fromId);
        Author into = authors.findById(intoId).orElseThrow(() -> new InvalidRequestProblem("intoId", "no author with this id"));
        if (from.getPersonId() != null && into.getPersonId() != null && !from.getPersonId().equals(into.getPersonId())) {
            throw new ConflictProblem("Both authors are linked to people; unlink one of them first").property("personId", from.getPersonId());
        }
        // Lock order, as an article edit takes them: the articles first (by id), then the author; the
        // second look at its articles catches an edit that was adding it meanwhile.
        authored.lockCrediting(fromId);
        jdbc.queryForList("SELECT id FROM authors WHERE id = ? FOR UPDATE", UUID.class, fromId);
        List<UUID> articleIds = authored.lockCrediting(fromId);
        authored.reassign(fromId, intoId, articleIds);
        Instant now = clock.instant();
        jdbc.update("UPDATE author_former_slugs SET author_id = ? WHERE author_id = ?", intoId, fromId);
        jdbc.update("""
                INSERT INTO author_former_slugs (slug_key, author_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT (slug_key) DO UPDATE SET author_id = excluded.author_id""", from.getSlugKey(), intoId, Timestamp.from(now));
        jdbc.update("UPDATE author_name_aliases SET author_id = ? WHERE author_id = ?", intoId, fromId);
        jdbc.update("""
                INSERT INTO author_name_aliases (source_scope, normalized_key, author_id, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (source_scope, normalized_key) DO UPDATE SET author_id = excluded.author_id""",
                scope(from.getSourceId()), from.getNormalizedKey(), intoId, Timestamp.from(now));
        UUID person = from.getPersonId();
        authors.delete(from);
        authors.flush();
        if (person != null && into.getPersonId() == null) {
            into.linkTo(person, now); // after the merged author's row is gone: one author per person
            authors.flush();
        }
        audit.record("author.merged", "author", intoId, null, Map.of("from", fromId, "fromName", from.getName(), "articles", articleIds.size()));
        return articleIds;
    }

    private void changeSlug(Author author, String slug, Instant now) {
        String key = Slugs.key(slug);
        if (authors.existsBySlugKey(key) || formerSlugOf(key).filter(owner -> !owner.equals(author.getId())).isPresent()) {
            throw new ConflictProblem("The slug '" + slug + "' is already used by another author").property("slug", slug);
        }
        jdbc.update("DELETE FROM author_former_slugs WHERE slug_key = ?", key);
        jdbc.update("INSERT INTO author_former_slugs (slug_key, author_id, created_at) VALUES (?, ?, ?) ON CONFLICT (slug_key) DO NOTHING",
                author.getSlugKey(), author.getId(), Timestamp.from(now));
        author.changeSlug(slug, now);
    }

    /** Existing authors of these name keys in the scope: merged names first, then the oldest author of the name. */
    private Map<String, UUID> idsByName(UUID scope, Set<String> keys) {
        Map<String, UUID> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] array = keys.toArray(String[]::new);
        jdbc.query("""
                SELECT DISTINCT ON (normalized_key) normalized_key, author_id FROM (
                  SELECT normalized_key, author_id, 0 AS rank, created_at, author_id AS id FROM author_name_aliases
                  WHERE source_scope = ? AND normalized_key = ANY (?)
                  UNION ALL
                  SELECT normalized_key, id, 1, created_at, id FROM authors
                  WHERE coalesce(source_id, '00000000-0000-0000-0000-000000000000'::uuid) = ? AND normalized_key = ANY (?)) candidates
                ORDER BY normalized_key, rank, created_at, id""",
                rs -> {
                    found.put(rs.getString(1), rs.getObject(2, UUID.class));
                }, scope, array, scope, array);
        return found;
    }

    /** Inserts an author of this name unless one appears meanwhile; a slug taken meanwhile gets the next one. */
    private void insertIfAbsent(String name, String key, UUID sourceId, UUID scope) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Instant now = clock.instant();
            String slug = Slugs.unique(Slugs.of(name), this::isSlugKeyTaken);
            jdbc.update("""
                    INSERT INTO authors (id, name, slug, slug_key, normalized_key, source_id, created_at, updated_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING""",
                    UUID.randomUUID(), name.strip(), slug, Slugs.key(slug), key, sourceId, Timestamp.from(now), Timestamp.from(now));
            if (idsByName(scope, Set.of(key)).containsKey(key)) {
                return; // ours, or another request's that committed first
            }
        }
        throw new ConflictProblem("Could not find a free slug for the new author '" + name + "'; try again");
    }

    private void checkNameIsFree(String name, UUID sourceId, UUID self) {
        String key = ArabicNormalizer.key(name);
        if (!Bylines.hasLetterOrDigit(key)) {
            throw new InvalidRequestProblem("name", "must contain a letter or digit");
        }
        Map<String, UUID> existing = idsByName(scope(sourceId), Set.of(key));
        UUID other = existing.get(key);
        if (other != null && !other.equals(self)) {
            Author found = authors.findById(other).orElseThrow();
            throw new ConflictProblem("An author with this name (or a spelling of it) exists for this source: " + found.getName())
                    .property("existingId", other);
        }
    }

    private void checkSourceExists(UUID sourceId) {
        if (sourceId != null && !Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM sources WHERE id = ?)", Boolean.class, sourceId))) {
            throw new InvalidRequestProblem("sourceId", "no source with this id");
        }
    }

    private void checkPersonIsFree(UUID personId, UUID self) {
        if (personId == null) {
            return;
        }
        authors.findByPersonId(personId).filter(a -> !a.getId().equals(self)).ifPresent(a -> {
            throw new ConflictProblem("This person already writes as the author " + a.getName()).property("existingId", a.getId());
        });
    }

    private boolean isSlugKeyTaken(String slugKey) {
        return authors.existsBySlugKey(slugKey) || formerSlugOf(slugKey).isPresent();
    }

    private Optional<UUID> formerSlugOf(String slugKey) {
        return jdbc.queryForList("SELECT author_id FROM author_former_slugs WHERE slug_key = ?", UUID.class, slugKey).stream().findFirst();
    }

    private static UUID scope(UUID sourceId) {
        return sourceId == null ? NEWSROOM : sourceId;
    }

    /** The ids of authors that exist among these; for callers that must not fail on a deleted one (a revision restored). */
    @Transactional(readOnly = true)
    public List<UUID> existing(List<UUID> ids) {
        Set<UUID> found = authors.findAllById(ids).stream().map(Author::getId).collect(Collectors.toSet());
        return new ArrayList<>(ids.stream().filter(found::contains).toList());
    }
}
