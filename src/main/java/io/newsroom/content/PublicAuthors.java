package io.newsroom.content;

import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.text.Slugs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Authors as readers see them: only those credited by at least one visible article ({@link PublicArticles#VISIBLE},
 * the one rule), each with the number of them. An author whose articles are all drafts, scheduled or
 * unpublished does not exist for readers: not in the list, not by slug, not through a former slug.
 * Nothing editorial (the person behind an author, the source scope) has a field here.
 */
@Component
@NamedInterface("api")
public class PublicAuthors {

    /** An author's public profile; {@code url} is this page, {@code articles} the number of published articles. */
    public record PublicAuthor(UUID id, String name, String slug, String bio, String image, List<String> links, String url, long articles) {
    }

    /** An author found under a slug it has left (a rename, a merge): readers are sent to the current one. */
    public record AuthorLookup(Optional<PublicAuthor> author, Optional<String> movedTo) {
    }

    private static final String COUNT = "(SELECT count(*) FROM article_authors aa JOIN articles a ON a.id = aa.article_id WHERE aa.author_id = w.id AND "
            + PublicArticles.VISIBLE + ")";
    private static final String COLUMNS = "w.id, w.name, w.slug, w.bio, w.image_url, w.links";

    private final NamedParameterJdbcTemplate jdbc;
    private final SiteProperties site;

    PublicAuthors(NamedParameterJdbcTemplate jdbc, SiteProperties site) {
        this.jdbc = jdbc;
        this.site = site;
    }

    /** Visible authors by name, keyset-paginated on (name, id). */
    public Page<PublicAuthor> list(int limit, String cursor) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit + 1);
        String after = "true";
        if (cursor != null) {
            Cursors.NameAndId position = Cursors.decodeNameAndId(cursor);
            after = "(w.name, w.id) > (:afterName, :afterId)";
            params.addValue("afterName", position.name()).addValue("afterId", position.id());
        }
        List<PublicAuthor> rows = jdbc.query("""
                SELECT %s, c.n FROM authors w CROSS JOIN LATERAL (SELECT %s AS n) c
                WHERE c.n > 0 AND %s ORDER BY w.name, w.id LIMIT :limit""".formatted(COLUMNS, COUNT, after), params, (rs, n) -> author(rs));
        return Page.of(rows, limit, a -> Cursors.encode(a.name(), a.id()));
    }

    /** The visible author under this slug, or where a slug it left now points (only to a visible author). */
    public AuthorLookup author(String slug) {
        String key = Slugs.key(slug);
        Optional<PublicAuthor> author = jdbc.query("SELECT " + COLUMNS + ", " + COUNT + " AS n FROM authors w WHERE w.slug_key = :key",
                Map.of("key", key), (rs, n) -> author(rs)).stream().filter(a -> a.articles() > 0).findFirst();
        if (author.isPresent()) {
            return new AuthorLookup(author, Optional.empty());
        }
        Optional<String> movedTo = jdbc.query("SELECT w.slug, " + COUNT + " AS n FROM author_former_slugs f JOIN authors w ON w.id = f.author_id"
                        + " WHERE f.slug_key = :key", Map.of("key", key), (rs, n) -> rs.getLong("n") > 0 ? rs.getString("slug") : null)
                .stream().filter(java.util.Objects::nonNull).findFirst();
        return new AuthorLookup(Optional.empty(), movedTo);
    }

    private PublicAuthor author(ResultSet rs) throws SQLException {
        java.sql.Array links = rs.getArray("links");
        String slug = rs.getString("slug");
        return new PublicAuthor(rs.getObject("id", UUID.class), rs.getString("name"), slug, rs.getString("bio"), rs.getString("image_url"),
                links == null ? List.of() : Arrays.asList((String[]) links.getArray()), site.authorUrl(slug), rs.getLong("n"));
    }
}
