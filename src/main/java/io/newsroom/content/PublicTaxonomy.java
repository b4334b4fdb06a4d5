package io.newsroom.content;

import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.text.Slugs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Tags and sources as readers see them: only those with at least one visible article, each with
 * the number of visible articles. A tag used only by drafts would otherwise announce a story early.
 */
@Component
@NamedInterface("api")
public class PublicTaxonomy {

    public record PublicTag(UUID id, String name, String slug, String description, long articles) {
    }

    public record PublicSource(UUID id, String name, String slug, String url, String logoUrl, long articles) {
    }

    /** A tag found under a slug that is now an alias (after a merge): readers are sent to the current one. */
    public record TagLookup(Optional<PublicTag> tag, Optional<String> movedTo) {
    }

    private static final String TAG_COUNT = "(SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id WHERE at.tag_id = t.id AND "
            + PublicArticles.VISIBLE + ")";
    private static final String SOURCE_COUNT = "(SELECT count(*) FROM articles a WHERE a.source_id = s.id AND " + PublicArticles.VISIBLE + ")";

    private final NamedParameterJdbcTemplate jdbc;

    PublicTaxonomy(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<PublicTag> tags(int limit, String cursor) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit + 1);
        String after = "true";
        if (cursor != null) {
            Cursors.NameAndId position = Cursors.decodeNameAndId(cursor);
            after = "(t.name, t.id) > (:afterName, :afterId)";
            params.addValue("afterName", position.name()).addValue("afterId", position.id());
        }
        List<PublicTag> rows = jdbc.query("""
                SELECT t.id, t.name, t.slug, t.description, c.n FROM tags t CROSS JOIN LATERAL (SELECT %s AS n) c
                WHERE c.n > 0 AND %s ORDER BY t.name, t.id LIMIT :limit""".formatted(TAG_COUNT, after), params, (rs, n) ->
                new PublicTag(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"), rs.getString("description"), rs.getLong("n")));
        return Page.of(rows, limit, t -> Cursors.encode(t.name(), t.id()));
    }

    public TagLookup tag(String slug) {
        String key = Slugs.key(slug);
        Optional<PublicTag> tag = jdbc.query("SELECT t.id, t.name, t.slug, t.description, " + TAG_COUNT + " AS n FROM tags t WHERE t.slug_key = :key",
                Map.of("key", key), (rs, n) -> new PublicTag(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                        rs.getString("description"), rs.getLong("n"))).stream().filter(t -> t.articles() > 0).findFirst();
        if (tag.isPresent()) {
            return new TagLookup(tag, Optional.empty());
        }
        Optional<String> movedTo = jdbc.queryForList("SELECT t.slug FROM tag_aliases ta JOIN tags t ON t.id = ta.tag_id WHERE ta.slug_key = :key",
                Map.of("key", key), String.class).stream().findFirst();
        return new TagLookup(Optional.empty(), movedTo);
    }

    public List<PublicSource> sources() {
        return jdbc.query("SELECT s.id, s.name, s.slug, s.url, s.logo_url, c.n FROM sources s CROSS JOIN LATERAL (SELECT " + SOURCE_COUNT
                + " AS n) c WHERE c.n > 0 ORDER BY s.name, s.id", Map.of(), (rs, n) -> source(rs));
    }

    public Optional<PublicSource> source(String slug) {
        return jdbc.query("SELECT s.id, s.name, s.slug, s.url, s.logo_url, " + SOURCE_COUNT + " AS n FROM sources s WHERE s.slug_key = :key",
                Map.of("key", Slugs.key(slug)), (rs, n) -> source(rs)).stream().filter(s -> s.articles() > 0).findFirst();
    }

    private static PublicSource source(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PublicSource(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"), rs.getString("url"),
                rs.getString("logo_url"), rs.getLong("n"));
    }
}
