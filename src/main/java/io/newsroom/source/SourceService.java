package io.newsroom.source;

import io.newsroom.audit.AuditLog;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.text.CleanText;
import io.newsroom.text.Slugs;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SourceService {

    /** A publisher's details as editors give them. */
    public record SourceDetails(String name, String slug, String url, String feedUrl, String logoUrl) {
    }

    private final SourceRepository sources;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    SourceService(SourceRepository sources, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.sources = sources;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Source> list(int limit, String cursor) {
        Cursors.NameAndId after = cursor == null ? null : Cursors.decodeNameAndId(cursor);
        List<Source> fetched = sources.pageByName(after == null ? null : after.name(), after == null ? null : after.id(), limit + 1);
        return Page.of(fetched, limit, s -> Cursors.encode(s.getName(), s.getId()));
    }

    @Transactional(readOnly = true)
    public Source get(UUID id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundProblem("source", id));
    }

    @Transactional
    public Source create(SourceDetails details) {
        String base = Slugs.of(details.slug() == null || details.slug().isBlank() ? details.name() : details.slug());
        String slug = details.slug() == null || details.slug().isBlank()
                ? Slugs.unique(base, sources::existsBySlugKey)
                : requireFreeSlug(base, null);
        Source source = new Source(details.name().strip(), slug, details.url(), clock.instant());
        source.describe(details.name().strip(), details.url(), details.feedUrl(), details.logoUrl(), clock.instant());
        sources.saveAndFlush(source);
        audit.record("source.created", "source", source.getId(), null, Map.of("name", source.getName()));
        return source;
    }

    /**
     * The source of this name, created if there is none: ingested stories name their publisher in
     * words. Names are compared by slug key, so spelling variants ("نوفوستي"/"نوفوستى") are one source.
     */
    @Transactional
    public Source findOrCreate(String name, String url) {
        String cleanName = CleanText.name(name);
        String slug = Slugs.of(cleanName);
        String key = Slugs.key(slug);
        Optional<Source> found = sources.findBySlugKey(key);
        if (found.isPresent()) {
            return found.get();
        }
        // Two stories from one new publisher ingested at once: the second insert waits for the first
        // and then does nothing, and both read the same source.
        Source source = new Source(cleanName, slug, url, clock.instant());
        Timestamp now = Timestamp.from(source.getCreatedAt());
        int inserted = jdbc.update("""
                INSERT INTO sources (id, name, slug, slug_key, url, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (slug_key) DO NOTHING""",
                source.getId(), source.getName(), slug, key, url, now, now);
        if (inserted == 1) {
            audit.record("source.created", "source", source.getId(), null, Map.of("name", source.getName()));
        }
        return sources.findBySlugKey(key).orElseThrow();
    }

    @Transactional
    public Source update(UUID id, SourceDetails details) {
        Source source = get(id);
        source.describe(details.name().strip(), details.url(), details.feedUrl(), details.logoUrl(), clock.instant());
        if (details.slug() != null && !details.slug().isBlank()) {
            source.changeSlug(requireFreeSlug(Slugs.of(details.slug()), id), clock.instant());
        }
        sources.flush();
        audit.record("source.updated", "source", id, null, Map.of("name", source.getName()));
        return source;
    }

    /** Only a source no article names can be deleted; the others would lose their attribution. */
    @Transactional
    public void delete(UUID id) {
        Source source = get(id);
        Integer used = jdbc.queryForObject("SELECT count(*) FROM articles WHERE source_id = ?", Integer.class, id);
        if (used != null && used > 0) {
            throw new ConflictProblem("The source is named by " + used + " article(s); change their source first").property("articles", used);
        }
        sources.delete(source);
        audit.record("source.deleted", "source", id, null, Map.of("name", source.getName()));
    }

    private String requireFreeSlug(String slug, UUID self) {
        sources.findBySlugKey(Slugs.key(slug)).filter(s -> !s.getId().equals(self)).ifPresent(s -> {
            throw new ConflictProblem("The slug '" + slug + "' is already used by the source " + s.getName());
        });
        return slug;
    }
}
