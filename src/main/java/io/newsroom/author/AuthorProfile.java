package io.newsroom.author;

import java.util.List;
import java.util.UUID;

/**
 * What editors say about an author: the name, an optional slug (made from the name when absent), a
 * bio, an image, links (a website, social profiles) and the source whose bylines it names (null: the
 * newsroom's own), and optionally the person who writes as them.
 */
public record AuthorProfile(String name, String slug, String bio, String imageUrl, List<String> links, UUID sourceId, UUID personId) {

    public AuthorProfile {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
