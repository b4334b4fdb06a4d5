package io.newsroom.article;

import io.newsroom.actor.Actor;
import io.newsroom.audit.AuditLog;
import io.newsroom.author.Author;
import io.newsroom.author.AuthorRef;
import io.newsroom.author.AuthorService;
import io.newsroom.source.SourceRepository;
import io.newsroom.tag.Tag;
import io.newsroom.tag.TagService;
import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.BatchSlugs;
import io.newsroom.text.Slugs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates many new articles at once, for bulk imports and feed polls: the same article as
 * {@link ArticleService#create} makes (sanitised body, unique slug, search vector, tags, first
 * revision, audit entry), built by the same {@link Article} code, but written with one batched
 * statement per table instead of a dozen round trips per article, and published in the insert
 * rather than by a second write. Each caller says whether what is published is announced.
 */
@Component
@NamedInterface("api")
public class ArticleImport {

    /** A new article, published at {@code publishedAt} or kept as a draft when that is null. */
    public record NewImportedArticle(NewArticle article, Instant publishedAt) {
    }

    private final TagService tags;
    private final AuthorService authors;
    private final ArticleAnnouncer announcer;
    private final AuditLog audit;
    private final SourceRepository sources;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ArticlePhotos photos;

    ArticleImport(TagService tags, AuthorService authors, SourceRepository sources, ArticleAnnouncer announcer, AuditLog audit, JdbcTemplate jdbc,
                  JsonMapper json, ArticlePhotos photos, Clock clock) {
        this.photos = photos;
        this.tags = tags;
        this.authors = authors;
        this.announcer = announcer;
        this.audit = audit;
        this.sources = sources;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Creates them all in the caller's transaction; returns them in order. Read-also links are not
     * supported here. With {@link Announcing#EACH_CHANGE}, each one readers see is announced as if an
     * editor had published it (for feeds that is news); a bulk import is a backfill.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Article> createAll(List<NewImportedArticle> imported, Announcing announcing) {
        if (imported.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Actor actor = Actor.current();
        Map<String, Tag> tagsByKey = resolveTags(imported);
        createMissingAuthors(imported);
        BatchSlugs slugs = new BatchSlugs(imported.stream().map(item -> Slugs.of(requestedSlug(item.article()))).toList(),
                this::takenSlugKeys, this::isTakenInDatabase);
        List<Article> articles = new ArrayList<>(imported.size());
        for (NewImportedArticle item : imported) {
            NewArticle command = item.article();
            if (!command.relatedIds().isEmpty()) {
                throw new IllegalArgumentException("read-also links are set through ArticleService");
            }
            ArticleContent content = photos.resolve(command.content()).withBody(BodySanitizer.clean(command.content().bodyHtml()));
            String slug = slugs.assign(Slugs.of(requestedSlug(command)));
            Article article = new Article(content, content.sourceId() == null ? null : sources.getReferenceById(content.sourceId()),
                    slug, actor.keyId(), actor.personId(), now);
            article.tagWith(command.tagNames().stream().map(ArabicNormalizer::key).filter(key -> !key.isEmpty()).distinct()
                    .map(tagsByKey::get).toList(), now);
            if (!command.authors().isEmpty()) {
                article.credit(authors.resolve(command.authors(), content.sourceId()), now);
            }
            if (command.externalId() != null) {
                article.assignExternalId(command.externalId());
            }
            if (item.publishedAt() != null) {
                article.publish(item.publishedAt());
            }
            articles.add(article);
        }
        insert(articles, now);
        articles.forEach(article -> announcer.announce(article, announcing));
        return articles;
    }

    private Map<String, Tag> resolveTags(List<NewImportedArticle> imported) {
        List<String> names = imported.stream().flatMap(i -> i.article().tagNames().stream()).toList();
        Map<String, Tag> byKey = new HashMap<>();
        for (Tag tag : tags.resolve(names)) {
            byKey.put(tag.getNormalizedKey(), tag);
        }
        return byKey;
    }

    /** New author names first, source by source in one order: see {@link AuthorService#createMissing}. */
    private void createMissingAuthors(List<NewImportedArticle> imported) {
        Map<UUID, List<String>> namesBySource = new TreeMap<>();
        List<String> newsroomNames = new ArrayList<>();
        for (NewImportedArticle item : imported) {
            UUID sourceId = item.article().content().sourceId();
            List<String> names = item.article().authors().stream().filter(a -> a.id() == null).map(AuthorRef::name).toList();
            (sourceId == null ? newsroomNames : namesBySource.computeIfAbsent(sourceId, k -> new ArrayList<>())).addAll(names);
        }
        if (!newsroomNames.isEmpty()) {
            authors.createMissing(newsroomNames, null);
        }
        namesBySource.forEach((sourceId, names) -> authors.createMissing(names, sourceId));
    }

    private static String requestedSlug(NewArticle article) {
        return article.slug() == null || article.slug().isBlank() ? article.content().headline() : article.slug();
    }

    /** Which of these slug keys are taken already: one query instead of one per article. */
    private Set<String> takenSlugKeys(Set<String> candidates) {
        String[] keys = candidates.toArray(String[]::new);
        return new HashSet<>(jdbc.queryForList("""
                SELECT slug_key FROM articles WHERE slug_key = ANY (?)
                UNION SELECT slug_key FROM article_former_slugs WHERE slug_key = ANY (?)""", String.class, keys, keys));
    }

    private boolean isTakenInDatabase(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT exists(SELECT 1 FROM articles WHERE slug_key = ?) OR exists(SELECT 1 FROM article_former_slugs WHERE slug_key = ?)""",
                Boolean.class, key, key));
    }

    private void insert(List<Article> articles, Instant now) {
        Actor actor = Actor.current();
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("""
                INSERT INTO articles (id, slug, slug_key, language, status, headline, subheadline, body_html, excerpt, byline,
                    source_id, source_url, image_url, image_caption, image_credit, scheduled_at, published_at, created_at,
                    updated_at, version, external_id, created_by, image_media_id, image_alt, created_by_person)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, ?, ?, ?, ?)""", articles, articles.size(), (ps, a) -> {
            ArticleImage image = a.getImage();
            ps.setObject(1, a.getId());
            ps.setString(2, a.getSlug());
            ps.setString(3, a.getSlugKey());
            ps.setString(4, a.getLanguage());
            ps.setString(5, a.getStatus().name());
            ps.setString(6, a.getHeadline());
            ps.setString(7, a.getSubheadline());
            ps.setString(8, a.getBodyHtml());
            ps.setString(9, a.getExcerpt());
            ps.setString(10, a.getByline());
            ps.setObject(11, a.getSource() == null ? null : a.getSource().getId());
            ps.setString(12, a.getSourceUrl());
            ps.setString(13, image == null ? null : image.url());
            ps.setString(14, image == null ? null : image.caption());
            ps.setString(15, image == null ? null : image.credit());
            ps.setTimestamp(16, a.getPublishedAt() == null ? null : Timestamp.from(a.getPublishedAt()));
            ps.setTimestamp(17, at);
            ps.setTimestamp(18, at);
            ps.setString(19, a.getExternalId());
            ps.setObject(20, a.getCreatedBy());
            ps.setObject(21, image == null ? null : image.mediaId());
            ps.setString(22, image == null ? null : image.alt());
            ps.setObject(23, a.getCreatedByPerson());
        });
        jdbc.batchUpdate("INSERT INTO article_search (article_id, search_vector) VALUES (?, ?::tsvector)", articles, articles.size(),
                (ps, a) -> {
                    ps.setObject(1, a.getId());
                    ps.setString(2, a.getSearchVector());
                });
        List<Object[]> tagRows = new ArrayList<>();
        for (Article a : articles) {
            List<Tag> articleTags = a.getTags();
            for (int position = 0; position < articleTags.size(); position++) {
                tagRows.add(new Object[] {a.getId(), position, articleTags.get(position).getId()});
            }
        }
        jdbc.batchUpdate("INSERT INTO article_tags (article_id, position, tag_id) VALUES (?, ?, ?)", tagRows);
        List<Object[]> authorRows = new ArrayList<>();
        for (Article a : articles) {
            List<Author> credited = a.getAuthors();
            for (int position = 0; position < credited.size(); position++) {
                authorRows.add(new Object[] {a.getId(), position, credited.get(position).getId()});
            }
        }
        jdbc.batchUpdate("INSERT INTO article_authors (article_id, position, author_id) VALUES (?, ?, ?)", authorRows);
        jdbc.batchUpdate("""
                INSERT INTO article_revisions (article_id, number, created_at, actor_id, actor_name, actor_type, actor_person_id,
                    actor_person_name, change, snapshot)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'imported', ?::jsonb)""", articles.stream().map(a -> new Object[] {
                a.getId(), at, actor.id(), actor.name(), actor.kind().name(), actor.personId(), actor.personName(),
                json.writeValueAsString(ArticleSnapshot.of(a))}).toList());
        audit.recordAll(articles.stream().map(a -> new AuditLog.NewEntry("article.imported", "article", a.getId(), a.getId(),
                Map.of("slug", a.getSlug(), "status", a.getStatus().name()))).toList());
    }
}
