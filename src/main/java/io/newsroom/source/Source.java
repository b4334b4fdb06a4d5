package io.newsroom.source;

import io.newsroom.text.Slugs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The publisher a story comes from ("المصدر: نوفوستي"), shown with every article it supplied. */
@Entity
@Table(name = "sources")
public class Source {

    @Id
    private UUID id;

    private String name;

    private String slug;

    @Column(name = "slug_key")
    private String slugKey;

    private String url;

    @Column(name = "feed_url")
    private String feedUrl;

    @Column(name = "logo_url")
    private String logoUrl;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** A wrapper type on purpose: null marks a new entity, so Spring Data persists instead of merging a copy. */
    @Version
    private Long version;

    protected Source() {
    }

    public Source(String name, String slug, String url, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.slug = slug;
        this.slugKey = Slugs.key(slug);
        this.url = url;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(String name, String url, String feedUrl, String logoUrl, Instant now) {
        this.name = name;
        this.url = url;
        this.feedUrl = feedUrl;
        this.logoUrl = logoUrl;
        this.updatedAt = now;
    }

    public void changeSlug(String slug, Instant now) {
        this.slug = slug;
        this.slugKey = Slugs.key(slug);
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getUrl() {
        return url;
    }

    public String getFeedUrl() {
        return feedUrl;
    }

    public String getLogoUrl() {
        return logoUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }
}
