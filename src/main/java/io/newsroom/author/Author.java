package io.newsroom.author;

import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.Slugs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A writer articles credit (كاتب). Within one source (or the newsroom's own staff, no source) spelling
 * variants of a name are one author; the same name from two sources is two authors until an editor
 * merges them. An author may be linked to the person who writes as them.
 */
@Entity
@Table(name = "authors")
public class Author {

    @Id
    private UUID id;

    private String name;

    private String slug;

    @Column(name = "slug_key")
    private String slugKey;

    @Column(name = "normalized_key")
    private String normalizedKey;

    @Column(name = "source_id")
    private UUID sourceId;

    private String bio;

    @Column(name = "image_url")
    private String imageUrl;

    @Column(columnDefinition = "text[]")
    private String[] links = new String[0];

    @Column(name = "person_id")
    private UUID personId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** A wrapper type on purpose: null marks a new entity, so Spring Data persists instead of merging a copy. */
    @Version
    private Long version;

    protected Author() {
    }

    Author(String name, String slug, UUID sourceId, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name.strip();
        this.normalizedKey = ArabicNormalizer.key(name);
        this.sourceId = sourceId;
        this.createdAt = now;
        changeSlug(slug, now);
    }

    void describe(AuthorProfile profile, Instant now) {
        this.name = profile.name().strip();
        this.normalizedKey = ArabicNormalizer.key(profile.name());
        this.bio = profile.bio();
        this.imageUrl = profile.imageUrl();
        this.links = profile.links().toArray(String[]::new);
        if (profile.sourceId() != null) {
            this.sourceId = profile.sourceId();
        }
        this.updatedAt = now;
    }

    void changeSlug(String slug, Instant now) {
        this.slug = slug;
        this.slugKey = Slugs.key(slug);
        this.updatedAt = now;
    }

    void linkTo(UUID personId, Instant now) {
        this.personId = personId;
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

    String getSlugKey() {
        return slugKey;
    }

    public String getNormalizedKey() {
        return normalizedKey;
    }

    /** The source whose bylines this author's are; null for the newsroom's own. */
    public UUID getSourceId() {
        return sourceId;
    }

    public String getBio() {
        return bio;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public List<String> getLinks() {
        return links == null ? List.of() : List.of(links);
    }

    /** The person who writes as this author; null when none is linked. */
    public UUID getPersonId() {
        return personId;
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
