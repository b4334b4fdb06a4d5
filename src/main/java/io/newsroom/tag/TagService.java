package io.newsroom.tag;

import io.newsroom.audit.AuditLog;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.BatchSlugs;
import io.newsroom.text.CleanText;
import io.newsroom.text.Slugs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TagService {

    private final TagRepository tags;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final TaggedArticles tagged;
    private final Clock clock;

    TagService(TagRepository tags, JdbcTemplate jdbc, AuditLog audit, TaggedArticles tagged, Clock clock) {
        this.tags = tags;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tagged = tagged;
        this.clock = clock;
    }

    /**
     * The tags for the given names, in the given order, creating those whose normalised key is new.
     * Names that are spellings of one word ("إيران", "ايران") give that one tag once. A tag that
     * another request creates at the same moment is found, not fought over: the new ones go in with
     * INSERT ... ON CONFLICT DO NOTHING (which waits for the other insert to commit) and are read back,
     * so twenty articles created at once with one new tag all succeed and share it. Missing tags are
     * inserted in key order, so that two requests creating the same tags cannot deadlock.
     */
    @Transactional
    public List<Tag> resolve(List<String> names) {
        Map<String, String> namesByKey = namesByKey(names);
        Map<String, Tag> found = byKey(namesByKey.keySet());
        if (found.size() < namesByKey.size()) {
            // Slugs in the order given (the first name gets the plain slug), rows in key order.
            Map<String, String> slugs = new LinkedHashMap<>();
            Set<String> slugKeysOfThese = new HashSet<>();
            namesByKey.forEach((key, name) -> {
                if (!found.containsKey(key)) {
                    String slug = Slugs.unique(Slugs.of(name), k -> slugKeysOfThese.contains(k) || isSlugKeyTaken(k));
                    slugKeysOfThese.add(Slugs.key(slug));
                    slugs.put(key, slug);
                }
            });
            slugs.keySet().stream().sorted().forEach(key -> insertIfAbsent(namesByKey.get(key), key, slugs.get(key)));
            found.putAll(byKey(namesByKey.keySet()));
        }
        List<Tag> resolved = new ArrayList<>(namesByKey.size());
        namesByKey.keySet().forEach(key -> resolved.add(found.get(key)));
        return resolved;
    }

    private Map<String, Tag> byKey(Set<String> keys) {
        return tags.findByNormalizedKeyIn(keys).stream().collect(Collectors.toMap(Tag::getNormalizedKey, Function.identity()));
    }

    /** Inserts a tag of this name unless one with its key exists (or appears meanwhile); a slug taken meanwhile gets the next one. */
    private void insertIfAbsent(String name, String key, String slug) {
        String candidate = slug;
        for (int attempt = 0; attempt < 10; attempt++) {
            insertIgnoringConflicts(List.of(new Tag(name, candidate, clock.instant())));
            if (tags.existsByNormalizedKey(key)) {
                return; // ours, or another request's that committed first
            }
            candidate = Slugs.unique(Slugs.of(name), this::isSlugKeyTaken);
        }
        throw new ConflictProblem("Could not find a free slug for the new tag '" + name + "'; try again");
    }

    /**
     * Creates the tags of these names that do not exist yet, for callers that only need them to
     * exist (a bulk import, ahead of its chunks). The existing ones are found by key alone, the
     * first-choice slugs of the new ones are checked in one query and the new rows go in as one
     * batch: made one by one (two slug checks and a flush each, the flush checking every tag made
     * before it), new tags were a large share of a bulk import's CPU.
     * A tag that another transaction creates meanwhile is skipped here; the caller's resolve finds it.
     */
    @Transactional
    public void createMissing(List<String> names) {
        Map<String, String> namesByKey = namesByKey(names);
        tags.findExistingKeys(namesByKey.keySet()).forEach(namesByKey::remove);
        if (namesByKey.isEmpty()) {
            return;
        }
        // in key order, like resolve: two imports creating the same tags take their locks in one order
        List<String> newNames = namesByKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        List<String> firstSlugs = newNames.stream().map(Slugs::of).toList();
        BatchSlugs slugs = new BatchSlugs(firstSlugs, this::takenSlugKeys, this::isSlugKeyTaken);
        Instant now = clock.instant();
        List<Tag> created = new ArrayList<>(newNames.size());
        for (int i = 0; i < newNames.size(); i++) {
            created.add(new Tag(newNames.get(i), slugs.assign(firstSlugs.get(i)), now));
        }
        insertIgnoringConflicts(created);
    }

    /**
     * Inserts the tags as one batch, skipping any that conflicts with an existing key or slug (another
     * transaction's tag of the same name, committed or committing).
     */
    private void insertIgnoringConflicts(List<Tag> created) {
        jdbc.batchUpdate("""
                INSERT INTO tags (id, name, slug, slug_key, normalized_key, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING""", created, created.size(), (ps, tag) -> {
            Timestamp at = Timestamp.from(tag.getCreatedAt());
            ps.setObject(1, tag.getId());
            ps.setString(2, tag.getName());
            ps.setString(3, tag.getSlug());
            ps.setString(4, Slugs.key(tag.getSlug()));
            ps.setString(5, tag.getNormalizedKey());
            ps.setTimestamp(6, at);
            ps.setTimestamp(7, at);
        });
    }

    /** Which of these slug keys a tag or a tag's former slug holds: one query instead of two per tag. */
    private Set<String> takenSlugKeys(Set<String> candidates) {
        String[] keys = candidates.toArray(String[]::new);
        return new HashSet<>(jdbc.queryForList("""
                SELECT slug_key FROM tags WHERE slug_key = ANY (?)
                UNION SELECT slug_key FROM tag_aliases WHERE slug_key = ANY (?)""", String.class, keys, keys));
    }

    private boolean isSlugKeyTaken(String slugKey) {
        return tags.existsBySlugKey(slugKey) || aliasExists(slugKey);
    }

    /**
     * The first name given for each normalised key (spellings of one word are one tag), each name
     * cleaned as a name (CleanText) whoever sends it; blank keys left out.
     */
    private static Map<String, String> namesByKey(List<String> names) {
        Map<String, String> namesByKey = new LinkedHashMap<>();
        for (String raw : names) {
            String name = CleanText.name(raw);
            String key = ArabicNormalizer.key(name);
            if (!key.isEmpty()) {
                namesByKey.putIfAbsent(key, name);
            }
        }
        return namesByKey;
    }

    @Transactional(readOnly = true)
    public Page<Tag> list(int limit, String cursor) {
        Cursors.NameAndId after = cursor == null ? null : Cursors.decodeNameAndId(cursor);
        List<Tag> fetched = tags.pageByName(after == null ? null : after.name(), after == null ? null : after.id(), limit + 1);
        return Page.of(fetched, limit, t -> Cursors.encode(t.getName(), t.getId()));
    }

    @Transactional(readOnly = true)
    public Tag get(UUID id) {
        return tags.findById(id).orElseThrow(() -> new NotFoundProblem("tag", id));
    }

    /** A new tag; 409 when a tag with the same normalised name exists (its id is in the problem body). */
    @Transactional
    public Tag create(String name, String slug, String description) {
        checkNameIsFree(name, null);
        Tag tag = save(name, slug);
        tag.describe(tag.getName(), description, clock.instant());
        audit.record("tag.created", "tag", tag.getId(), null, Map.of("name", tag.getName()));
        return tag;
    }

    @Transactional
    public Tag update(UUID id, String name, String slug, String description) {
        Tag tag = get(id);
        checkNameIsFree(name, id);
        tag.describe(name, description, clock.instant());
        if (slug != null && !slug.isBlank() && !Slugs.key(slug).equals(Slugs.key(tag.getSlug()))) {
            String newSlug = Slugs.of(slug);
            if (tags.existsBySlugKey(Slugs.key(newSlug)) || aliasExists(Slugs.key(newSlug))) {
                throw new ConflictProblem("The slug '" + newSlug + "' is already used by another tag");
            }
            tag.changeSlug(newSlug, clock.instant());
        }
        audit.record("tag.updated", "tag", id, null, Map.of("name", tag.getName()));
        return tag;
    }

    /** Removes the tag from every article, then the tag itself. */
    @Transactional
    public void delete(UUID id) {
        Tag tag = get(id);
        int carriedBy = tagged.untag(id);
        tags.delete(tag);
        audit.record("tag.deleted", "tag", id, null, Map.of("name", tag.getName(), "articles", carriedBy));
    }

    /**
     * Merges {@code fromId} into {@code intoId}: its articles get the surviving tag (once, at the
     * merged tag's position), its slug stays reachable as an alias, and the merged tag is deleted.
     * Returns the ids of the articles that changed.
     */
    @Transactional
    public List<UUID> merge(UUID fromId, UUID intoId) {
        if (fromId.equals(intoId)) {
            throw new InvalidRequestProblem("intoId", "a tag cannot be merged into itself");
        }
        Tag from = get(fromId);
        Tag into = tags.findById(intoId).orElseThrow(() -> new InvalidRequestProblem("intoId", "no tag with this id"));
        // Lock order, as an article edit takes them: the articles first (by id), then the tag. An
        // edit in flight on one of them finishes first; locking the merged tag then waits for any
        // edit that is just now adding it, and the second look at its articles catches those.
        tagged.lockCarrying(fromId);
        jdbc.queryForList("SELECT id FROM tags WHERE id = ? FOR UPDATE", UUID.class, fromId);
        List<UUID> articleIds = tagged.lockCarrying(fromId);
        tagged.retag(fromId, intoId, articleIds);
        jdbc.update("UPDATE tag_aliases SET tag_id = ? WHERE tag_id = ?", intoId, fromId);
        jdbc.update("INSERT INTO tag_aliases (slug_key, tag_id, created_at) VALUES (?, ?, now()) ON CONFLICT (slug_key) DO UPDATE SET tag_id = excluded.tag_id",
                Slugs.key(from.getSlug()), intoId);
        tags.delete(from);
        tags.flush();
        audit.record("tag.merged", "tag", intoId, null, Map.of("from", fromId, "fromName", from.getName(), "articles", articleIds.size()));
        return articleIds;
    }

    private void checkNameIsFree(String name, UUID self) {
        String key = ArabicNormalizer.key(name);
        if (key.isEmpty()) {
            throw new InvalidRequestProblem("name", "must contain a letter or digit");
        }
        tags.findByNormalizedKeyIn(List.of(key)).stream().filter(t -> !t.getId().equals(self)).findFirst().ifPresent(t -> {
            throw new ConflictProblem("A tag with this name (or a spelling of it) exists: " + t.getName()).property("existingId", t.getId());
        });
    }

    private boolean aliasExists(String slugKey) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists(SELECT 1 FROM tag_aliases WHERE slug_key = ?)", Boolean.class, slugKey));
    }

    private Tag save(String name, String slug) {
        String base = Slugs.of(slug == null || slug.isBlank() ? name : slug);
        String unique = Slugs.unique(base, this::isSlugKeyTaken);
        return tags.saveAndFlush(new Tag(name, unique, clock.instant()));
    }
}
