package io.newsroom.tag;

import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.Slugs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A keyword (كلمة دلالية). Its normalised key is unique, so "ايران" and "إيران" are one tag whose
 * display name is the spelling it was first created with.
 */
@Entity
@Table(name = "tags")
public class Tag {

    @Id
    private UUID id;

    private String name;

    private String slug;

    @Column(name = "slug_key")
    private String slugKey;

    @Column(name = "normalized_key")
    private String normalizedKey;

    private String description;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** A wrapper type on purpose: null marks a new entity, so Spring Data persists instead of merging a copy. */
    @Version
    private Long version;

    protected Tag() {
    }

    Tag(String name, String slug, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name.strip();
        this.normalizedKey = ArabicNormalizer.key(name);
        this.slug = slug;
        this.slugKey = Slugs.key(slug);
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String name, String description, Instant now) {
        this.name = name.strip();
        this.normalizedKey = ArabicNormalizer.key(name);
        this.description = description;
        this.updatedAt = now;
    }

    void changeSlug(String slug, Instant now) {
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

    public String getNormalizedKey() {
        return normalizedKey;
    }

    public String getDescription() {
        return description;
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
