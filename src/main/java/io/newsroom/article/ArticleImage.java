package io.newsroom.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * The lead image of an article, with the caption readers see under it and who took it. A library
 * photo is named by {@code mediaId} (its URL kept in {@code url} too); then caption, credit and
 * {@code alt} are the article's own words where set, the library's otherwise.
 */
@Embeddable
public record ArticleImage(
        @Column(name = "image_url") String url,
        @Column(name = "image_caption") String caption,
        @Column(name = "image_credit") String credit,
        @Column(name = "image_media_id") UUID mediaId,
        @Column(name = "image_alt") String alt) {

    /** An outside image, named by its URL. */
    public ArticleImage(String url, String caption, String credit) {
        this(url, caption, credit, null, null);
    }
}
