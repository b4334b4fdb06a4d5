package io.newsroom.content;

import io.newsroom.article.ReaderVisibility;
import io.newsroom.article.TextDirection;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.text.Slugs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import io.newsroom.media.MediaReaders;
import io.newsroom.media.MediaView;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * What readers may see, read straight from SQL (the hot path has no use for entity tracking).
 * Every query carries {@link #VISIBLE}: published, or scheduled with its time come, and not deleted.
 */
@Component
@NamedInterface("api")
public class PublicArticles {

    /** "Visible to readers" ({@link ReaderVisibility}) for the article under alias {@code a}. */
    public static final String VISIBLE = ReaderVisibility.articleNow("a");

    private static final String COLUMNS = columns("a.body_html");
    /** For lists of summaries: a body is most of a row's bytes, and a summary shows none of it. */
    private static final String SUMMARY_COLUMNS = columns("NULL");

    /** After the article COLUMNS: its tags aggregated alongside (in position order), and the FROM clause; the WHERE is the caller's. */
    private static final String TAG_COLUMNS_AND_FROM = """
            , tg.tag_ids, tg.tag_names, tg.tag_slugs, au.author_ids, au.author_names, au.author_slugs
            FROM articles a LEFT JOIN sources s ON s.id = a.source_id""" + MediaReaders.join("a", "mi") + """
            LEFT JOIN LATERAL (
              SELECT array_agg(t.id ORDER BY at.position) AS tag_ids, array_agg(t.name ORDER BY at.position) AS tag_names,
                     array_agg(t.slug ORDER BY at.position) AS tag_slugs
              FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) tg ON true
            LEFT JOIN LATERAL (
              SELECT array_agg(w.id ORDER BY aa.position) AS author_ids, array_agg(w.name ORDER BY aa.position) AS author_names,
                     array_agg(w.slug ORDER BY aa.position) AS author_slugs
              FROM article_authors aa JOIN authors w ON w.id = aa.author_id WHERE aa.article_id = a.id) au ON true
            """;

    /**
     * One article with its tags and visible read-also links in a single statement: by slug is the
     * most requested page, and two more round trips cost more than the aggregation.
     */
    private static final String ONE_ARTICLE = "SELECT " + COLUMNS
            + ", a.shown_stamp, ch.changes_at"
            + ", rl.related_ids, rl.related_slugs, rl.related_headlines, rl.related_published"
            + ", tl.translation_languages, tl.translation_slugs, tl.translation_headlines, tl.translation_originals"
            + ", st.report_source_ids, st.report_source_names, st.report_source_slugs, st.report_source_homes, st.report_urls, st.report_published"
            + TAG_COLUMNS_AND_FROM + """
            LEFT JOIN LATERAL (
              SELECT array_agg(ms.id ORDER BY m.published_at, m.id) AS report_source_ids, array_agg(ms.name ORDER BY m.published_at, m.id) AS report_source_names,
                     array_agg(ms.slug ORDER BY m.published_at, m.id) AS report_source_slugs, array_agg(ms.url ORDER BY m.published_at, m.id) AS report_source_homes,
                     array_agg(m.source_url ORDER BY m.published_at, m.id) AS report_urls, array_agg(m.published_at ORDER BY m.published_at, m.id) AS report_published
              FROM articles m LEFT JOIN sources ms ON ms.id = m.source_id
              WHERE m.story_lead_id = a.id AND """ + " " + ReaderVisibility.reportNow("m") + """
              ) st ON true
            """ + """
            LEFT JOIN LATERAL (
              SELECT array_agg(tr.language ORDER BY tr.language) AS translation_languages, array_agg(tr.slug ORDER BY tr.language) AS translation_slugs,
                     array_agg(tr.headline ORDER BY tr.language) AS translation_headlines,
                     array_agg(tr.id = tr.translation_group ORDER BY tr.language) AS translation_originals
              FROM articles tr
              WHERE tr.translation_group = a.translation_group AND tr.id <> a.id AND """ + " " + ReaderVisibility.articleNow("tr") + """
              ) tl ON true
            """ + """
            LEFT JOIN LATERAL (
              SELECT array_agg(r.id ORDER BY ra.position) AS related_ids, array_agg(r.slug ORDER BY ra.position) AS related_slugs,
                     array_agg(r.headline ORDER BY ra.position) AS related_headlines,
                     array_agg(r.published_at ORDER BY ra.position) AS related_published
              FROM related_articles ra JOIN articles r ON r.id = ra.related_article_id
              WHERE ra.article_id = a.id AND """ + " " + ReaderVisibility.articleNow("r") + ") rl ON true" + """

            LEFT JOIN LATERAL (
              SELECT min(t) AS changes_at FROM (
                SELECT unnest(ARRAY[r.visible_from, r.visible_until]) AS t
                FROM related_articles ra JOIN articles r ON r.id = ra.related_article_id WHERE ra.article_id = a.id
                UNION ALL SELECT unnest(ARRAY[tr.visible_from, tr.visible_until])
                FROM articles tr WHERE tr.translation_group = a.translation_group AND tr.id <> a.id
                UNION ALL SELECT unnest(ARRAY[""" + ReaderVisibility.lifecycleFrom("m") + """
            , m.visible_until])
                FROM articles m WHERE m.story_lead_id = a.id) times
              WHERE t > now()) ch ON true WHERE\s""";

    /** Reader-side filters; null means any. {@code author}: an author's slug (or a former one). */
    public record Filter(String tag, String source, String language, Instant since, Instant until, String author) {

        public Filter(String tag, String source, String language, Instant since, Instant until) {
            this(tag, source, language, since, until, null);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SiteProperties site;
    private final MediaReaders photos;

    PublicArticles(NamedParameterJdbcTemplate jdbc, SiteProperties site, MediaReaders photos) {
        this.photos = photos;
        this.jdbc = jdbc;
        this.site = site;
    }

    /**
     * Newest first, keyset-paginated on (visible_from, id): stable while others publish. A visible
     * article's visible_from is its published_at; ordering and filtering on it uses V9's indexes.
     */
    public Page<PublicArticle> list(Filter filter, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM articles a LEFT JOIN sources s ON s.id = a.source_id"
                + MediaReaders.join("a", "mi") + " WHERE " + VISIBLE);
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (filter.tag() != null) {
            Optional<UUID> tag = tagId(filter.tag());
            if (tag.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            sql.append(" AND EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id AND at.tag_id = :tagId)");
            params.addValue("tagId", tag.get());
        }
        if (filter.author() != null) {
            Optional<UUID> author = authorId(filter.author());
            if (author.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            sql.append(" AND EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.author_id = :authorId)");
            params.addValue("authorId", author.get());
        }
        if (filter.source() != null) {
            sql.append(" AND s.slug_key = :sourceKey");
            params.addValue("sourceKey", Slugs.key(filter.source()));
        }
        if (filter.language() != null) {
            sql.append(" AND (a.language = :language OR a.language LIKE :languagePrefix)");
            params.addValue("language", filter.language()).addValue("languagePrefix", filter.language() + "-%");
        }
        if (filter.since() != null) {
            sql.append(" AND a.visible_from >= :since");
            params.addValue("since", Timestamp.from(filter.since()));
        }
        if (filter.until() != null) {
            sql.append(" AND a.visible_from < :until");
            params.addValue("until", Timestamp.from(filter.until()));
        }
        if (cursor != null) {
            Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
            sql.append(" AND (a.visible_from, a.id) < (:afterTime, :afterId)");
            params.addValue("afterTime", Timestamp.from(after.time())).addValue("afterId", after.id());
        }
        sql.append(" ORDER BY a.visible_from DESC, a.id DESC LIMIT :limit");
        params.addValue("limit", limit + 1);
        List<PublicArticle> rows = jdbc.query(sql.toString(), params, (rs, n) -> article(rs));
        Page<PublicArticle> page = Page.of(rows, limit, a -> Cursors.encode(a.publishedAt(), a.id()));
        return new Page<>(withAuthors(withTags(page.items())), page.next());
    }

    /** A visible article by slug (any spelling variant of it), with tags and visible read-also links. */
    public Optional<PublicArticle> bySlug(String slug) {
        return rendered(slug).map(Rendered::article);
    }

    /**
     * An article as {@link #bySlug} gives it, with what a stored rendering of it must record: the
     * {@code articles.shown_stamp} read in the same statement (the state of everything the article
     * shows, migration V16), and when what it shows next changes with no write (a read-also article,
     * translation or story member scheduled to appear or to be unpublished), or null for never.
     */
    public record Rendered(PublicArticle article, long shownStamp, Instant changesAt) {
    }

    public Optional<Rendered> rendered(String slug) {
        return one(VISIBLE + " AND a.slug_key = :key", Map.of("key", Slugs.key(slug)));
    }

    /**
     * Any article that is not deleted, whatever its state, as readers would see it if it were
     * published now: for previews only. What hangs off it (read-also, translations) is still only
     * what readers may see; an article never published gets {@code publishedAt} = {@code now}.
     */
    public Optional<PublicArticle> preview(UUID id, Instant now) {
        return one("a.id = :id AND a.deleted_at IS NULL", Map.of("id", id)).map(Rendered::article)
                .map(a -> a.publishedAt() == null ? a.withPublishedAt(now) : a);
    }

    private Optional<Rendered> one(String where, Map<String, ?> params) {
        List<Rendered> found = jdbc.query(ONE_ARTICLE + where, params,
                (rs, n) -> new Rendered(article(rs).withTags(tags(rs)).withAuthors(authors(rs)).withRelated(related(rs)).withTranslations(translations(rs))
                        .withAlsoReportedBy(reports(rs)), rs.getLong("shown_stamp"), instant(rs.getTimestamp("changes_at"))));
        return found.stream().findFirst();
    }

    /**
     * Where readers of a slug that shows nothing should go: the current slug of the visible article
     * once published under it, or of the lead of the story that a published article under it has
     * joined (readers see the story once, through its lead).
     */
    public Optional<String> currentSlugFor(String slug) {
        return jdbc.queryForList("""
                SELECT a.slug FROM article_former_slugs f JOIN articles a ON a.id = f.article_id
                WHERE f.slug_key = :key AND """ + " " + VISIBLE + """

                UNION ALL
                SELECT a.slug FROM articles m JOIN articles a ON a.id = m.story_lead_id
                WHERE m.slug_key = :key AND """ + " " + ReaderVisibility.reportNow("m") + " AND " + VISIBLE,
                Map.of("key", Slugs.key(slug)), String.class).stream().findFirst();
    }

    /** A visible article's slug and publication time (its place in the newest-first order, to page on). */
    public record Listed(String slug, Instant visibleFrom) {
    }

    /** Slugs of visible articles published before {@code before}, newest first: cheap, for walking the archive. */
    public List<Listed> slugsNewestFirst(Instant before, int limit) {
        return jdbc.query("SELECT a.slug, a.visible_from FROM articles a WHERE " + VISIBLE + " AND a.visible_from < :before "
                        + "ORDER BY a.visible_from DESC LIMIT :limit",
                Map.of("before", Timestamp.from(before), "limit", limit),
                (rs, n) -> new Listed(rs.getString(1), rs.getTimestamp(2).toInstant()));
    }

    /** Visible articles by id, in the order given (for search hits). */
    public List<PublicArticle> byIds(List<UUID> ids) {
        return byIds(ids, COLUMNS);
    }

    /** As {@link #byIds}, without their bodies ({@code bodyHtml} null): for lists of summaries. */
    public List<PublicArticle> summariesByIds(List<UUID> ids) {
        return byIds(ids, SUMMARY_COLUMNS);
    }

    /** A summary with the {@code shown_stamp} read in the same statement: what a stored copy of it must record. */
    public record StampedSummary(PublicArticle article, long shownStamp) {
    }

    /** As {@link #summariesByIds}, each with its article's current {@code shown_stamp}; in no particular order. */
    public List<StampedSummary> stampedSummariesByIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + ", a.shown_stamp" + TAG_COLUMNS_AND_FROM + " WHERE " + VISIBLE + " AND a.id IN (:ids)",
                Map.of("ids", ids), (rs, n) -> new StampedSummary(article(rs).withTags(tags(rs)).withAuthors(authors(rs)), rs.getLong("shown_stamp")));
    }

    private List<PublicArticle> byIds(List<UUID> ids, String columns) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One statement with the tags aggregated alongside: the ten hits of every search page and similar list.
        Map<UUID, PublicArticle> found = new LinkedHashMap<>();
        jdbc.query("SELECT " + columns + TAG_COLUMNS_AND_FROM + " WHERE " + VISIBLE + " AND a.id IN (:ids)", Map.of("ids", ids),
                (rs, n) -> article(rs).withTags(tags(rs)).withAuthors(authors(rs))).forEach(a -> found.put(a.id(), a));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String columns(String body) {
        return """
                a.id, a.slug, a.language, a.headline, a.subheadline, %s AS body_html, a.excerpt, a.byline, a.source_url,
                a.image_url, a.image_caption, a.image_credit, a.image_alt, a.published_at, a.created_at, a.updated_at,
                a.translation_group IS NOT NULL AND a.translation_group = a.id AS is_original,
                s.id AS source_id, s.name AS source_name, s.slug AS source_slug, s.url AS source_url_home, """.formatted(body)
                + MediaReaders.columns("mi");
    }

    Optional<UUID> tagId(String slug) {
        return jdbc.queryForList("""
                SELECT id FROM tags WHERE slug_key = :key
                UNION ALL SELECT tag_id FROM tag_aliases WHERE slug_key = :key LIMIT 1""", Map.of("key", Slugs.key(slug)), UUID.class)
                .stream().findFirst();
    }

    /** An author by slug, or by a slug it was known under before a rename or a merge. */
    Optional<UUID> authorId(String slug) {
        return jdbc.queryForList("""
                SELECT id FROM authors WHERE slug_key = :key
                UNION ALL SELECT author_id FROM author_former_slugs WHERE slug_key = :key LIMIT 1""", Map.of("key", Slugs.key(slug)), UUID.class)
                .stream().findFirst();
    }

    private List<PublicArticle.AuthorCredit> authors(ResultSet rs) throws SQLException {
        UUID[] ids = array(rs, "author_ids", UUID[].class);
        if (ids == null) {
            return List.of();
        }
        String[] names = array(rs, "author_names", String[].class);
        String[] slugs = array(rs, "author_slugs", String[].class);
        List<PublicArticle.AuthorCredit> authors = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            authors.add(new PublicArticle.AuthorCredit(ids[i], names[i], slugs[i], site.authorUrl(slugs[i])));
        }
        return authors;
    }

    private static List<PublicArticle.TagRef> tags(ResultSet rs) throws SQLException {
        UUID[] ids = array(rs, "tag_ids", UUID[].class);
        if (ids == null) {
            return List.of();
        }
        String[] names = array(rs, "tag_names", String[].class);
        String[] slugs = array(rs, "tag_slugs", String[].class);
        List<PublicArticle.TagRef> tags = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            tags.add(new PublicArticle.TagRef(ids[i], names[i], slugs[i]));
        }
        return tags;
    }

    private static List<PublicArticle.RelatedRef> related(ResultSet rs) throws SQLException {
        UUID[] ids = array(rs, "related_ids", UUID[].class);
        if (ids == null) {
            return List.of();
        }
        String[] slugs = array(rs, "related_slugs", String[].class);
        String[] headlines = array(rs, "related_headlines", String[].class);
        Timestamp[] published = array(rs, "related_published", Timestamp[].class);
        List<PublicArticle.RelatedRef> related = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            related.add(new PublicArticle.RelatedRef(ids[i], slugs[i], headlines[i], published[i].toInstant()));
        }
        return related;
    }

    private static List<PublicArticle.ReportRef> reports(ResultSet rs) throws SQLException {
        Timestamp[] published = array(rs, "report_published", Timestamp[].class);
        if (published == null) {
            return List.of();
        }
        UUID[] sourceIds = array(rs, "report_source_ids", UUID[].class);
        String[] names = array(rs, "report_source_names", String[].class);
        String[] slugs = array(rs, "report_source_slugs", String[].class);
        String[] homes = array(rs, "report_source_homes", String[].class);
        String[] urls = array(rs, "report_urls", String[].class);
        List<PublicArticle.ReportRef> reports = new ArrayList<>(published.length);
        for (int i = 0; i < published.length; i++) {
            PublicArticle.SourceRef source = sourceIds[i] == null ? null : new PublicArticle.SourceRef(sourceIds[i], names[i], slugs[i], homes[i]);
            reports.add(new PublicArticle.ReportRef(source, urls[i], published[i].toInstant()));
        }
        return reports;
    }

    private List<PublicArticle.TranslationRef> translations(ResultSet rs) throws SQLException {
        String[] languages = array(rs, "translation_languages", String[].class);
        if (languages == null) {
            return List.of();
        }
        String[] slugs = array(rs, "translation_slugs", String[].class);
        String[] headlines = array(rs, "translation_headlines", String[].class);
        Boolean[] originals = array(rs, "translation_originals", Boolean[].class);
        List<PublicArticle.TranslationRef> translations = new ArrayList<>(languages.length);
        for (int i = 0; i < languages.length; i++) {
            translations.add(new PublicArticle.TranslationRef(languages[i], slugs[i], headlines[i], site.articleUrl(slugs[i]), originals[i]));
        }
        return translations;
    }

    private static Instant instant(Timestamp time) {
        return time == null ? null : time.toInstant();
    }

    /** A column holding array_agg(...), or null when the aggregate had no rows. */
    private static <T> T array(ResultSet rs, String column, Class<T> type) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? null : type.cast(array.getArray());
    }

    private List<PublicArticle> withTags(List<PublicArticle> articles) {
        if (articles.isEmpty()) {
            return articles;
        }
        Map<UUID, List<PublicArticle.TagRef>> tags = new LinkedHashMap<>();
        jdbc.query("""
                SELECT at.article_id, t.id, t.name, t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id
                WHERE at.article_id IN (:ids) ORDER BY at.article_id, at.position""",
                Map.of("ids", articles.stream().map(PublicArticle::id).toList()), rs -> {
                    tags.computeIfAbsent(rs.getObject("article_id", UUID.class), k -> new ArrayList<>())
                            .add(new PublicArticle.TagRef(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug")));
                });
        return articles.stream().map(a -> a.withTags(tags.getOrDefault(a.id(), List.of()))).toList();
    }

    private List<PublicArticle> withAuthors(List<PublicArticle> articles) {
        if (articles.isEmpty()) {
            return articles;
        }
        Map<UUID, List<PublicArticle.AuthorCredit>> authors = new LinkedHashMap<>();
        jdbc.query("""
                SELECT aa.article_id, w.id, w.name, w.slug FROM article_authors aa JOIN authors w ON w.id = aa.author_id
                WHERE aa.article_id IN (:ids) ORDER BY aa.article_id, aa.position""",
                Map.of("ids", articles.stream().map(PublicArticle::id).toList()), rs -> {
                    authors.computeIfAbsent(rs.getObject("article_id", UUID.class), k -> new ArrayList<>()).add(new PublicArticle.AuthorCredit(
                            rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"), site.authorUrl(rs.getString("slug"))));
                });
        return articles.stream().map(a -> a.withAuthors(authors.getOrDefault(a.id(), List.of()))).toList();
    }

    private PublicArticle article(ResultSet rs) throws SQLException {
        UUID sourceId = rs.getObject("source_id", UUID.class);
        String imageUrl = rs.getString("image_url");
        String language = rs.getString("language");
        return new PublicArticle(rs.getObject("id", UUID.class), rs.getString("slug"), language, TextDirection.of(language),
                rs.getString("headline"), rs.getString("subheadline"), rs.getString("body_html"), rs.getString("excerpt"),
                rs.getString("byline"),
                sourceId == null ? null : new PublicArticle.SourceRef(sourceId, rs.getString("source_name"), rs.getString("source_slug"), rs.getString("source_url_home")),
                rs.getString("source_url"),
                image(rs, imageUrl),
                List.of(), List.of(), List.of(), List.of(), List.of(), rs.getBoolean("is_original"), instant(rs.getTimestamp("published_at")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** The article's image: a library photo with the article's words over the library's, or an outside URL. */
    private PublicArticle.ImageRef image(ResultSet rs, String imageUrl) throws SQLException {
        Optional<MediaView> photo = photos.read(rs, "mi");
        if (photo.isEmpty()) {
            return imageUrl == null ? null : new PublicArticle.ImageRef(imageUrl, rs.getString("image_caption"), rs.getString("image_credit"));
        }
        MediaView p = photo.get();
        List<PublicArticle.RenditionRef> renditions = p.renditions().stream()
                .map(r -> new PublicArticle.RenditionRef(r.url(), r.width(), r.height(), r.format(), r.crop())).toList();
        return new PublicArticle.ImageRef(p.url(), p.width(), p.height(), or(rs.getString("image_caption"), p.caption()),
                or(rs.getString("image_credit"), p.credit()), or(rs.getString("image_alt"), p.alt()),
                new PublicArticle.FocalPoint(p.focalPoint().x(), p.focalPoint().y()), renditions, p.srcset("original", "jpeg"));
    }

    private static String or(String own, String library) {
        return own != null && !own.isBlank() ? own : library;
    }
}
