package io.newsroom.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * For modules that read articles in SQL and show their photos (the content API): the join and
 * columns that bring an article's library photo into the same statement, and the photo as the API
 * shows it from such a row. One statement for a page of articles, however many photos it shows.
 */
@Component
public class MediaReaders {

    private static final String[] COLUMNS = {"id", "content_hash", "content_type", "width", "height", "bytes", "caption", "credit",
            "copyright", "alt", "focal_x", "focal_y", "source_url"};

    private final MediaLibrary library;

    MediaReaders(MediaLibrary library) {
        this.library = library;
    }

    /** The photo of the article under {@code article}, as table alias {@code alias}. */
    public static String join(String article, String alias) {
        return " LEFT JOIN media " + alias + " ON " + alias + ".id = " + article + ".image_media_id ";
    }

    /** Its columns, each named {@code <alias>_<column>}. */
    public static String columns(String alias) {
        StringBuilder sql = new StringBuilder();
        for (String column : COLUMNS) {
            sql.append(sql.isEmpty() ? "" : ", ").append(alias).append('.').append(column).append(" AS ").append(alias).append('_').append(column);
        }
        return sql.toString();
    }

    public Optional<MediaView> read(ResultSet rs, String alias) throws SQLException {
        UUID id = rs.getObject(alias + "_id", UUID.class);
        if (id == null) {
            return Optional.empty();
        }
        MediaItem item = new MediaItem(id, rs.getString(alias + "_content_hash"), rs.getString(alias + "_content_type"),
                rs.getInt(alias + "_width"), rs.getInt(alias + "_height"), rs.getLong(alias + "_bytes"), rs.getString(alias + "_caption"),
                rs.getString(alias + "_credit"), rs.getString(alias + "_copyright"), rs.getString(alias + "_alt"),
                rs.getDouble(alias + "_focal_x"), rs.getDouble(alias + "_focal_y"), rs.getString(alias + "_source_url"), Instant.EPOCH,
                Instant.EPOCH);
        return Optional.of(library.view(item));
    }
}
