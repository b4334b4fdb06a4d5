package io.newsroom.ingest;

import io.newsroom.article.ArticleRequest;
import io.newsroom.media.MediaImport;
import io.newsroom.media.MediaLibrary;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Photos of stories from other systems (ninjs documents, feed items) are fetched into the media
 * library (through the outbound guard, within its size and time limits, once per distinct file), so
 * readers never depend on another publisher's server. A photo that cannot be fetched or is not an
 * image leaves the story with the sender's URL and a warning: it never fails the story.
 */
@Component
class IngestPhotos {

    private final MediaLibrary library;

    IngestPhotos(MediaLibrary library) {
        this.library = library;
    }

    ArticleRequest keep(ArticleRequest request, List<String> warnings) {
        ArticleRequest.ImageRequest image = request.image();
        if (image == null || image.mediaId() != null || image.url() == null) {
            return request;
        }
        MediaImport imported = library.importFrom(image.url());
        if (imported.item().isEmpty()) {
            warnings.add(imported.warning());
            return request;
        }
        return request.withImage(new ArticleRequest.ImageRequest(null, imported.item().get().id(), image.caption(), image.credit(),
                image.alt()));
    }
}
