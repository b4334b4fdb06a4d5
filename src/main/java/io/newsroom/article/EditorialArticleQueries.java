package io.newsroom.article;

import io.newsroom.actor.Actor;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.text.SearchText;
import io.newsroom.text.Slugs;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' article list: newest created first, keyset-paginated on (created_at, id), so pages
 * stay stable while others edit and page 500 costs what page 1 costs. SQL picks the ids, JPA loads
 * the articles (tags, sources and read-also in batches, not one query per row). A WRITER's list,
 * with every filter, holds only their own articles ({@link WriterScope}).
 */
@Component
public class EditorialArticleQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final ArticleRepository articles;

    EditorialArticleQueries(NamedParameterJdbcTemplate jdbc, ArticleRepository articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    @Transactional(readOnly = true)
    public Page<Article> list(ArticleFilter filter, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.created_at FROM articles a WHERE ");
        MapSqlParameterSource params = new MapSqlParameterSource();
        sql.append(filter.deleted() ? "a.deleted_at IS NOT NULL" : "a.deleted_at IS NULL");
        Actor actor = Actor.current();
        if (WriterScope.limits(actor)) {
            sql.append(" AND ").append(WriterScope.OWN);
            WriterScope.parameters(actor, params);
        }
        if (filter.status() != null) {
            sql.append(" AND a.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                    + " WHERE at.article_id = a.id AND (t.slug_key = :tagKey"
                    + " OR t.id = (SELECT ta.tag_id FROM tag_aliases ta WHERE ta.slug_key = :tagKey)))");
            params.addValue("tagKey", Slugs.key(filter.tag()));
        }
        if (filter.source() != null) {
            sql.append(" AND a.source_id IN (SELECT s.id FROM sources s WHERE s.slug_key = :sourceKey OR s.id::text = :source)");
            params.addValue("sourceKey", Slugs.key(filter.source())).addValue("source", filter.source());
        }
        if (filter.author() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_authors aa JOIN authors w ON w.id = aa.author_id"
                    + " WHERE aa.article_id = a.id AND (w.slug_key = :authorKey OR w.id::text = :author"
                    + " OR w.id = (SELECT f.author_id FROM author_former_slugs f WHERE f.slug_key = :authorKey)))");
            params.addValue("authorKey", Slugs.key(filter.author())).addValue("author", filter.author());
        }
        if (filter.text() != null && !SearchText.tsquery(filter.text()).isEmpty()) {
            sql.append(" AND a.id IN (SELECT s.article_id FROM article_search s WHERE s.search_vector @@ CAST(:q AS tsquery))");
            params.addValue("q", SearchText.tsquery(filter.text()));
        }
        if (cursor != null) {
            Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
            sql.append(" AND (a.created_at, a.id) < (:afterTime, :afterId)");
            params.addValue("afterTime", Timestamp.from(after.time())).addValue("afterId", after.id());
        }
        sql.append(" ORDER BY a.created_at DESC, a.id DESC LIMIT :limit");
        params.addValue("limit", limit + 1);

        List<Row> rows = jdbc.query(sql.toString(), params, (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant()));
        Page<Row> page = Page.of(rows, limit, row -> Cursors.encode(row.createdAt(), row.id()));
        Map<UUID, Article> loaded = articles.findAllById(page.items().stream().map(Row::id).toList()).stream()
                .collect(Collectors.toMap(Article::getId, Function.identity()));
        // an article removed between the two queries is simply left out of the page
        return new Page<>(page.items().stream().map(row -> loaded.get(row.id())).filter(java.util.Objects::nonNull).toList(), page.next());
    }

    private record Row(UUID id, Instant createdAt) {
    }
}
