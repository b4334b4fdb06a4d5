package io.newsroom.article;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A curated "read also" (إقرأ أيضاً) link from one article to another, at a position chosen by an
 * editor. The database rejects self-links and duplicates (V1 migration), not only this code.
 */
@Entity
@Table(name = "related_articles")
public class RelatedArticle {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    private Article article;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "related_article_id")
    private Article relatedArticle;

    private int position;

    protected RelatedArticle() {
    }

    RelatedArticle(Article article, Article relatedArticle, int position) {
        this.id = UUID.randomUUID();
        this.article = article;
        this.relatedArticle = relatedArticle;
        this.position = position;
    }

    public Article getRelatedArticle() {
        return relatedArticle;
    }

    public int getPosition() {
        return position;
    }
}
