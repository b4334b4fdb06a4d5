package io.newsroom.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The lead image of an article, with the caption readers see under it and who took it. */
@Embeddable
public record ArticleImage(
        @Column(name = "image_url") String url,
        @Column(name = "image_caption") String caption,
        @Column(name = "image_credit") String credit) {
}
