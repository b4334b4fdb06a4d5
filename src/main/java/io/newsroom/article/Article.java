package io.newsroom.article;

import io.newsroom.author.Author;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.source.Source;
import io.newsroom.tag.Tag;
import io.newsroom.text.Bylines;
import io.newsroom.text.SearchText;
import io.newsroom.text.Slugs;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.annotations.SecondaryRow;
import org.jsoup.Jsoup;

/**
 * A story and its lifecycle. Status changes only through the lifecycle methods, each of which checks
 * {@link ArticleStatus#next()} first; nothing outside sets the status.
 *
 * <p>The article announces itself: every change records what readers saw of it before (the first
 * change since the last announcement), and {@link #takeNotice} compares that with what they see
 * after, by the one rule of {@link ReaderView#noticed}. Whoever saves the article hands the result
 * to {@link ArticleAnnouncer}, the one place that publishes {@link ArticleEvent}s.
 */
@Entity
@Table(name = "articles")
// The search vector lives in a narrow table of its own (migration V7: public search scans it by time);
// every article has its row there, written with the article and read never.
@SecondaryTable(name = "article_search", pkJoinColumns = @PrimaryKeyJoinColumn(name = "article_id"))
@SecondaryRow(table = "article_search", optional = false)
@DynamicUpdate
public class Article {

    /** The longest read-also list. */
    public static final int MAX_RELATED = 10;

    @Id
    private UUID id;

    private String slug;

    @Column(name = "slug_key")
    private String slugKey;

    private String language;

    @Enumerated(EnumType.STRING)
    private ArticleStatus status;

    private String headline;

    private String subheadline;

    @Column(name = "body_html")
    private String bodyHtml;

    private String excerpt;

    private String byline;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    private Source source;

    @Column(name = "source_url")
    private String sourceUrl;

    @Embedded
    private ArticleImage image;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** When readers stop seeing the article (the visibility rule closes its window then); null: not planned. */
    @Column(name = "unpublish_at")
    private Instant unpublishAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** A wrapper type on purpose: null marks a new entity, so Spring Data persists instead of merging a copy. */
    @Version
    private Long version;

    @Column(name = "external_id")
    private String externalId;

    /** The translation group: the id of its original article, the same on the original and every translation; null alone. */
    @Column(name = "translation_group")
    private UUID translationGroup;

    /**
     * The full-text index entry, a tsvector literal made in Java (SearchText.vector). Written, never
     * read back: it loads as "" and, with {@link DynamicUpdate}, an UPDATE only carries it when
     * {@link #edit} has made a new one, so a status change does not rewrite the vector.
     */
    @Column(table = "article_search", name = "search_vector", columnDefinition = "tsvector")
    @ColumnTransformer(read = "''", write = "?::tsvector")
    private String searchVector;

    @Column(name = "created_by")
    private UUID createdBy;

    /** The person who created the article, in person or through a key of theirs (WriterScope reads it). */
    @Column(name = "created_by_person")
    private UUID createdByPerson;

    /** The lead of the story this article has joined (ArticleStories); null when it stands for itself. */
    @Column(name = "story_lead_id")
    private UUID storyLeadId;

    // Collections do not bump the version themselves (Hibernate would add an extra UPDATE to every
    // insert); every method that changes them also sets updatedAt, which does.
    @ManyToMany
    @OptimisticLock(excluded = true)
    @JoinTable(name = "article_tags",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderColumn(name = "position")
    private List<Tag> tags = new ArrayList<>();

    @ManyToMany
    @OptimisticLock(excluded = true)
    @JoinTable(name = "article_authors",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    private List<Author> authors = new ArrayList<>();

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @OptimisticLock(excluded = true)
    @OrderBy("position")
    private List<RelatedArticle> related = new ArrayList<>();

    /** What readers saw when the change not yet announced began; null while there is none. */
    @Transient
    private ReaderView seenBefore;

    /** When readers see the change not yet announced take effect. */
    @Transient
    private Instant seenFrom;

    /** Whether that change altered what the article's page shows (content, tags, slug, read-also, its story's tellings). */
    @Transient
    private boolean shownContentChanged;

    protected Article() {
    }

    public Article(ArticleContent content, Source source, String slug, UUID createdBy, Instant now) {
        this(content, source, slug, createdBy, null, now);
    }

    /** {@code createdBy}: the key that created it (null for a person signed in, or the system); {@code createdByPerson}: who did. */
    public Article(ArticleContent content, Source source, String slug, UUID createdBy, UUID createdByPerson, Instant now) {
        this.seenBefore = ReaderView.NOTHING;
        this.seenFrom = now;
        this.id = UUID.randomUUID();
        this.status = ArticleStatus.DRAFT;
        this.createdAt = now;
        this.createdBy = createdBy;
        this.createdByPerson = createdByPerson;
        changeSlug(slug, now);
        edit(content, source, now);
    }

    /** Replaces the editorial content and refreshes what search reads from it. */
    public void edit(ArticleContent content, Source source, Instant now) {
        changingWhatIsShown(now);
        this.headline = content.headline().strip();
        this.subheadline = content.subheadline();
        this.bodyHtml = content.bodyHtml();
        this.excerpt = content.excerpt();
        this.byline = content.byline();
        this.language = content.language();
        this.source = source;
        this.sourceUrl = content.sourceUrl();
        this.image = content.image();
        this.searchVector = searchVector(headline, subheadline, excerpt, bodyHtml);
        this.updatedAt = now;
    }

    public void changeSlug(String slug, Instant now) {
        changingWhatIsShown(now);
        this.slug = slug;
        this.slugKey = Slugs.key(slug);
        this.updatedAt = now;
    }

    public void tagWith(List<Tag> tags, Instant now) {
        changingWhatIsShown(now);
        this.tags.clear();
        this.tags.addAll(tags);
        this.updatedAt = now;
    }

    /**
     * Credits these authors, in order. The byline stays the display line: one that is missing, or that is
     * only the names of the authors credited until now (the line {@link Bylines#of} made of them), follows
     * the authors; one an editor wrote otherwise ("مراسلو الوكالة في بيروت") stays as written.
     */
    public void credit(List<Author> authors, Instant now) {
        credit(authors, this.authors.stream().map(Author::getName).toList(), now);
    }

    /** An author credited here was known as {@code formerName} until now: a byline of the authors' names follows the new one. */
    void authorRenamed(UUID authorId, String formerName, Instant now) {
        credit(List.copyOf(authors), authors.stream().map(a -> a.getId().equals(authorId) ? formerName : a.getName()).toList(), now);
    }

    private void credit(List<Author> next, List<String> formerNames, Instant now) {
        boolean followsAuthors = byline == null || byline.isBlank() || byline.equals(Bylines.of(formerNames, language));
        changingWhatIsShown(now);
        List<Author> credited = List.copyOf(next);
        authors.clear();
        authors.addAll(credited);
        if (followsAuthors) {
            byline = Bylines.of(credited.stream().map(Author::getName).toList(), language);
        }
        updatedAt = now;
    }

    /**
     * Replaces the "read also" list, in the given order. Read-also lists are short by design (a reader
     * follows two or three, never twenty); self-links and duplicates are refused.
     */
    public void relateTo(List<Article> articles, Instant now) {
        checkReadAlso(id, articles.stream().map(Article::getId).toList());
        changingWhatIsShown(now);
        related.clear();
        for (int i = 0; i < articles.size(); i++) {
            related.add(new RelatedArticle(this, articles.get(i), i));
        }
        this.updatedAt = now;
    }

    /** The read-also rules, checked before the listed articles are even loaded. */
    static void checkReadAlso(UUID self, List<UUID> ids) {
        if (ids.size() > MAX_RELATED) {
            throw new InvalidChangeException("at most " + MAX_RELATED + " read-also articles");
        }
        if (ids.contains(self)) {
            throw new InvalidChangeException("an article cannot be its own read-also article");
        }
        if (ids.stream().distinct().count() != ids.size()) {
            throw new InvalidChangeException("each read-also article may appear only once");
        }
    }

    public void submit(Instant now) {
        moveTo(ArticleStatus.IN_REVIEW, now);
    }

    /** Publishes now. A republished article keeps its first publication time. */
    public void publish(Instant now) {
        boolean firstTime = publishedAt == null || status == ArticleStatus.SCHEDULED;
        moveTo(ArticleStatus.PUBLISHED, now);
        if (firstTime) {
            publishedAt = now;
        }
        scheduledAt = null;
        dropUnpublishingBefore(publishedAt);
    }

    /**
     * Plans publication. Readers see the article from {@code at} on, whether or not the publishing
     * job has run, because the visibility rule reads {@code publishedAt}.
     */
    public void schedule(Instant at, Instant now) {
        moveTo(ArticleStatus.SCHEDULED, now);
        scheduledAt = at;
        publishedAt = at;
        dropUnpublishingBefore(at);
    }

    /** A plan to unpublish that would end the article's time with readers before it begins means nothing any more. */
    private void dropUnpublishingBefore(Instant publication) {
        if (unpublishAt != null && !unpublishAt.isAfter(publication)) {
            unpublishAt = null;
        }
    }

    /** The scheduling job's publication: the article keeps the time it was planned for. */
    public void publishAsScheduled(Instant now) {
        if (status != ArticleStatus.SCHEDULED || publishedAt.isAfter(now)) {
            throw new IllegalTransitionException(status, ArticleStatus.PUBLISHED);
        }
        changingFrom(publishedAt); // readers saw it from its time on: that is the moment announced
        moveTo(ArticleStatus.PUBLISHED, now);
        scheduledAt = null;
    }

    /** Takes the article off now; a plan to unpublish it later is done with, and a republication starts without one. */
    public void unpublish(Instant now) {
        changing(now);
        if (status == ArticleStatus.SCHEDULED) {
            publishedAt = null;
            scheduledAt = null;
        }
        moveTo(ArticleStatus.UNPUBLISHED, now);
        unpublishAt = null;
    }

    /**
     * The unpublishing job's step: a published article whose planned time has passed. Readers stopped
     * seeing it at that time whether or not this ran; this makes the status true.
     */
    public void unpublishAsPlanned(Instant now) {
        if (status != ArticleStatus.PUBLISHED || unpublishAt == null || unpublishAt.isAfter(now)) {
            throw new IllegalTransitionException(status, ArticleStatus.UNPUBLISHED);
        }
        changingFrom(unpublishAt);
        moveTo(ArticleStatus.UNPUBLISHED, now);
        unpublishAt = null;
    }

    /**
     * Plans the end of the article's time with readers (null cancels the plan). Only a published or
     * scheduled article has one, and it must fall after the publication.
     */
    public void planUnpublishing(Instant at, Instant now) {
        if (at != null) {
            if (status != ArticleStatus.PUBLISHED && status != ArticleStatus.SCHEDULED) {
                throw new ConflictProblem("Only a published or scheduled article can be planned to be unpublished; this one is "
                        + status).property("currentStatus", status);
            }
            if (!at.isAfter(now)) {
                throw new InvalidChangeException("must be in the future");
            }
            if (publishedAt != null && !at.isAfter(publishedAt)) {
                throw new InvalidChangeException("must be after the publication time (" + publishedAt + ")");
            }
        }
        changing(now);
        unpublishAt = at;
        updatedAt = now;
    }

    public void archive(Instant now) {
        moveTo(ArticleStatus.ARCHIVED, now);
        unpublishAt = null;
    }

    public void delete(Instant now) {
        changing(now);
        deletedAt = now;
        updatedAt = now;
    }

    public void restore(Instant now) {
        changing(now);
        deletedAt = null;
        updatedAt = now;
    }

    /** Joins (or, with null, leaves) a translation group; {@link ArticleTranslations} keeps the groups whole. */
    void joinTranslationGroup(UUID group, Instant now) {
        changingWhatIsShown(now); // readers' pages link the translations
        this.translationGroup = group;
        this.updatedAt = now;
    }

    public UUID getTranslationGroup() {
        return translationGroup;
    }

    public UUID getStoryLeadId() {
        return storyLeadId;
    }

    /** Joins the story led by {@code leadId}, or (null) stands for itself again. Not a content change: no revision. */
    void placeInStory(UUID leadId, Instant now) {
        changing(now);
        this.storyLeadId = leadId;
        this.updatedAt = now;
    }

    public void assignExternalId(String externalId) {
        this.externalId = externalId;
    }

    /**
     * The status a reader experiences: a scheduled article whose time has come is published, one
     * whose planned unpublishing time has passed is unpublished.
     */
    public ArticleStatus effectiveStatus(Instant now) {
        Instant until = ReaderVisibility.visibleUntil(status, publishedAt, unpublishAt, deletedAt);
        if (until != null && !until.isAfter(now)) {
            return ArticleStatus.UNPUBLISHED;
        }
        if (status == ArticleStatus.SCHEDULED && !publishedAt.isAfter(now)) {
            return ArticleStatus.PUBLISHED;
        }
        return status;
    }

    public boolean isVisibleToReaders(Instant now) {
        return ReaderVisibility.isVisible(status, publishedAt, unpublishAt, deletedAt, storyLeadId, now);
    }

    /**
     * What its story's lead lists of it, or the tag links the article module moved for a tag merge,
     * changed what readers see on this article's page without a write of its own.
     */
    void shownElsewhereChanged(Instant now) {
        changingWhatIsShown(now);
    }

    /**
     * What readers can notice of the changes since the last call, by {@link ReaderView#noticed}; the
     * next change starts afresh. {@code leadChanged}: this story member's change alters what its
     * lead's page lists ({@link ReaderView#changesItsLead}).
     */
    Notice takeNotice() {
        if (seenBefore == null) {
            return Notice.NONE;
        }
        ReaderView after = viewAt(seenFrom);
        Notice notice = new Notice(ReaderView.noticed(seenBefore, after, shownContentChanged),
                storyLeadId != null && ReaderView.changesItsLead(seenBefore, after));
        seenBefore = null;
        seenFrom = null;
        shownContentChanged = false;
        return notice;
    }

    /** The events one change makes, and whether its story's lead must be told too. */
    record Notice(List<ArticleEvent.Type> events, boolean leadChanged) {
        static final Notice NONE = new Notice(List.of(), false);
    }

    private void changingWhatIsShown(Instant now) {
        changing(now);
        shownContentChanged = true;
    }

    /** A change readers see take effect now. */
    private void changing(Instant now) {
        if (seenBefore == null) {
            seenBefore = viewAt(now);
            seenFrom = now;
        }
    }

    /**
     * A change readers see take effect at {@code moment}: compared with what they saw just before it.
     * The scheduling job's steps take effect at their planned times, which readers saw come whether
     * or not the job ran, so an article whose whole window passed is announced both ways.
     */
    private void changingFrom(Instant moment) {
        if (seenBefore == null) {
            seenBefore = viewAt(moment.minusNanos(1));
            seenFrom = moment;
        }
    }

    private ReaderView viewAt(Instant moment) {
        return ReaderView.of(status, publishedAt, unpublishAt, deletedAt, storyLeadId, moment);
    }

    private void moveTo(ArticleStatus target, Instant now) {
        if (!status.next().contains(target)) {
            throw new IllegalTransitionException(status, target);
        }
        changing(now);
        status = target;
        updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    String getSlugKey() {
        return slugKey;
    }

    /** What search finds an article by: its headline, subheadline, excerpt and the text of its body. */
    public static String searchVector(String headline, String subheadline, String excerpt, String bodyHtml) {
        return SearchText.vector(headline, subheadline, excerpt, bodyHtml == null ? null : Jsoup.parse(bodyHtml).text());
    }

    String getSearchVector() {
        return searchVector;
    }

    public String getLanguage() {
        return language;
    }

    /** {@code rtl} for scripts written right to left (Arabic, Persian, Urdu, Hebrew, ...). */
    public String getDirection() {
        return TextDirection.of(language);
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public String getHeadline() {
        return headline;
    }

    public String getSubheadline() {
        return subheadline;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getByline() {
        return byline;
    }

    public Source getSource() {
        return source;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public ArticleImage getImage() {
        return image;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getUnpublishAt() {
        return unpublishAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }

    public String getExternalId() {
        return externalId;
    }

    /** The API key that created the article; null for a person signed in and for the system (demo, migrations). */
    public UUID getCreatedBy() {
        return createdBy;
    }

    /** The person who created the article, signed in or through a key of theirs; null when no person did. */
    public UUID getCreatedByPerson() {
        return createdByPerson;
    }

    /** The content as it stands, in the shape edits and revisions use. */
    public ArticleContent content() {
        return new ArticleContent(headline, subheadline, bodyHtml, excerpt, byline, language,
                source == null ? null : source.getId(), sourceUrl, image);
    }

    public List<Tag> getTags() {
        return Collections.unmodifiableList(tags);
    }

    /** The credited authors, in order. */
    public List<Author> getAuthors() {
        return Collections.unmodifiableList(authors);
    }

    public List<Article> getRelated() {
        return related.stream().map(RelatedArticle::getRelatedArticle).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Article article && Objects.equals(id, article.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
