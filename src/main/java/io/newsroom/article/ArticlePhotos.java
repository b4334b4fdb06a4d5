package io.newsroom.article;

import io.newsroom.media.MediaLibrary;
import io.newsroom.media.MediaUsage;
import io.newsroom.media.MediaView;
import io.newsroom.problem.InvalidRequestProblem;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Articles and library photos: an image naming a {@code mediaId} must name a photo of the library
 * (its URL is kept with the article), and the library asks here which articles show a photo before
 * it lets one be deleted.
 */
@Component
class ArticlePhotos implements MediaUsage {

    private final MediaLibrary library;
    private final JdbcTemplate jdbc;

    ArticlePhotos(MediaLibrary library, JdbcTemplate jdbc) {
        this.library = library;
        this.jdbc = jdbc;
    }

    /** The content with its library photo checked and its URL filled in; an unknown photo is a 400. */
    ArticleContent resolve(ArticleContent content) {
        ArticleImage image = content.image();
        if (image == null || image.mediaId() == null) {
            return content;
        }
        MediaView photo = library.find(image.mediaId())
                .orElseThrow(() -> new InvalidRequestProblem("image.mediaId", "is not a photo in the media library"));
        return content.withImage(new ArticleImage(photo.url(), image.caption(), image.credit(), photo.id(), image.alt()));
    }

    /** For a revision brought back: a photo deleted since then leaves its URL and words, without the link. */
    ArticleContent resolveKept(ArticleContent content) {
        ArticleImage image = content.image();
        if (image == null || image.mediaId() == null) {
            return content;
        }
        Optional<MediaView> photo = library.find(image.mediaId());
        return photo.isPresent() ? resolve(content)
                : content.withImage(new ArticleImage(image.url(), image.caption(), image.credit(), null, image.alt()));
    }

    @Override
    public List<User> usersOf(UUID mediaId) {
        return jdbc.query("SELECT id, headline FROM articles WHERE image_media_id = ? ORDER BY updated_at DESC, id",
                (rs, n) -> new User(rs.getObject("id", UUID.class), rs.getString("headline"), "article"), mediaId);
    }
}
