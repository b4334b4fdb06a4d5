package io.newsroom.media;

import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The media table: the one place that reads and writes it. */
@Repository
class MediaItems {

    private static final String COLUMNS = """
            id, content_hash, content_type, width, height, bytes, caption, credit, copyright, alt, focal_x, focal_y,
            source_url, created_at, updated_at""";

    private final JdbcTemplate jdbc;

    MediaItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the item unless a photo with the same bytes is there already (a concurrent upload of the same file); true when added. */
    boolean insert(MediaItem m) {
        return jdbc.update("""
                INSERT INTO media (id, content_hash, content_type, width, height, bytes, caption, credit, copyright, alt,
                                   focal_x, focal_y, source_url, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (content_hash) DO NOTHING""",
                m.id(), m.contentHash(), m.contentType(), m.width(), m.height(), m.bytes(), m.caption(), m.credit(), m.copyright(),
                m.alt(), m.focalX(), m.focalY(), m.sourceUrl(), Timestamp.from(m.createdAt()), Timestamp.from(m.updatedAt())) == 1;
    }

    Optional<MediaItem> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM media WHERE id = ?", MediaItems::map, id).stream().findFirst();
    }

    Optional<MediaItem> findByHash(String contentHash) {
        return jdbc.query("SELECT " + COLUMNS + " FROM media WHERE content_hash = ?", MediaItems::map, contentHash).stream().findFirst();
    }

    List<MediaItem> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM media WHERE id = ANY (?)", MediaItems::map, (Object) ids.toArray(UUID[]::new));
    }

    /** Newest first; {@code q} matches caption or credit, case-insensitively, as written. */
    Page<MediaItem> list(String q, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM media WHERE true");
        List<Object> args = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String pattern = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (caption ILIKE ? OR credit ILIKE ?)");
            args.add(pattern);
            args.add(pattern);
        }
        if (cursor != null) {
            Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
            sql.append(" AND (created_at, id) < (?, ?)");
            args.add(Timestamp.from(after.time()));
            args.add(after.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(limit + 1);
        List<MediaItem> rows = jdbc.query(sql.toString(), MediaItems::map, args.toArray());
        return Page.of(rows, limit, m -> Cursors.encode(m.createdAt(), m.id()));
    }

    void update(MediaItem m) {
        jdbc.update("""
                UPDATE media SET caption = ?, credit = ?, copyright = ?, alt = ?, focal_x = ?, focal_y = ?, updated_at = ?
                WHERE id = ?""",
                m.caption(), m.credit(), m.copyright(), m.alt(), m.focalX(), m.focalY(), Timestamp.from(m.updatedAt()), m.id());
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM media WHERE id = ?", id) == 1;
    }

    private static MediaItem map(ResultSet rs, int row) throws SQLException {
        return new MediaItem(rs.getObject("id", UUID.class), rs.getString("content_hash"), rs.getString("content_type"), rs.getInt("width"),
                rs.getInt("height"), rs.getLong("bytes"), rs.getString("caption"), rs.getString("credit"), rs.getString("copyright"),
                rs.getString("alt"), rs.getDouble("focal_x"), rs.getDouble("focal_y"), rs.getString("source_url"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
