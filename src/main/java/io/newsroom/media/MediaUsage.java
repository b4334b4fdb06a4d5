package io.newsroom.media;

import java.util.List;
import java.util.UUID;

/**
 * Implemented by a module whose content shows library photos (articles): who uses a photo, so that a
 * photo in use is answered 409 on delete with its users named, and the library need not know them.
 */
public interface MediaUsage {

    /** Something that shows the photo: its id, a title an editor recognises, and what kind it is ({@code article}). */
    record User(UUID id, String title, String kind) {
    }

    List<User> usersOf(UUID mediaId);
}
