package io.newsroom.article;

import io.newsroom.author.AuthorRef;
import io.newsroom.author.AuthorService;
import io.newsroom.text.Bylines;
import io.newsroom.text.CleanText;
import io.swagger.v3.oas.annotations.media.Schema;
import io.newsroom.validation.HttpUrl;
import io.newsroom.validation.LanguageTag;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An article as editors send it (POST, PUT, and the result of a PATCH merge), and as ingest maps a
 * ninjs document: the constraints here are the validation every way in shares, and the text rules
 * here ({@link CleanText}: one-line fields, names, bodies) are the cleaning every way in shares, applied
 * before anything is validated.
 */
@NamedInterface("api")
public record ArticleRequest(
        @NotBlank @Size(max = 300) String headline,
        @Size(max = 500) String subheadline,
        @Size(max = 1_000_000) String bodyHtml,
        @Size(max = 2000) String excerpt,
        @Size(max = 300) String byline,
        @LanguageTag String language,
        UUID sourceId,
        @HttpUrl String sourceUrl,
        @Valid ImageRequest image,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 10) List<@NotNull UUID> relatedIds,
        @Size(max = 200) String slug,
        @Schema(description = "The credited authors, in order: each an id, a name, {\"id\"} or {\"name\"}; an unknown name becomes an "
                + "author of the article's source. Left out on an edit: unchanged. The byline follows them unless written otherwise")
        @Size(max = AuthorService.MAX_PER_ARTICLE) List<@NotNull @Valid AuthorRef> authors) {

    public ArticleRequest {
        headline = CleanText.line(headline);
        subheadline = CleanText.line(subheadline);
        bodyHtml = CleanText.text(bodyHtml);
        excerpt = CleanText.text(excerpt);
        byline = CleanText.line(byline);
        language = CleanText.name(language);
        sourceUrl = CleanText.line(sourceUrl);
        tags = tags == null ? null : tags.stream().map(CleanText::name).toList();
        slug = CleanText.name(slug);
    }

    /** An article as clients that predate authors send it: crediting none (on an edit, keeping those credited). */
    public ArticleRequest(String headline, String subheadline, String bodyHtml, String excerpt, String byline, String language, UUID sourceId,
                          String sourceUrl, ImageRequest image, List<String> tags, List<UUID> relatedIds, String slug) {
        this(headline, subheadline, bodyHtml, excerpt, byline, language, sourceId, sourceUrl, image, tags, relatedIds, slug, null);
    }

    /**
     * The lead image: a library photo ({@code mediaId}, which wins when both are given) or an outside
     * image ({@code url}); caption, credit and alt text override the library's words for this article.
     */
    public record ImageRequest(@HttpUrl String url, UUID mediaId, @Size(max = 2000) String caption, @Size(max = 300) String credit,
                               @Size(max = 2000) String alt) {

        public ImageRequest {
            url = CleanText.line(url);
            caption = CleanText.line(caption);
            credit = CleanText.line(credit);
            alt = CleanText.line(alt);
        }

        public ImageRequest(String url, String caption, String credit) {
            this(url, null, caption, credit, null);
        }

        @JsonIgnore
        @AssertTrue(message = "needs a url or a mediaId")
        public boolean isNamed() {
            return mediaId != null || (url != null && !url.isBlank());
        }
    }

    /**
     * The same article as plain text where plain text belongs (headlines, excerpt, byline, tags, the
     * image's caption and credit): {@link CleanText#plainLine}, for what other systems send, where
     * escaped markup is common. The body stays HTML.
     */
    public ArticleRequest withPlainText() {
        ImageRequest plainImage = image == null ? null : new ImageRequest(image.url(), image.mediaId(), CleanText.plainLine(image.caption()),
                CleanText.plainLine(image.credit()), CleanText.plainLine(image.alt()));
        return new ArticleRequest(CleanText.plainLine(headline), CleanText.plainLine(subheadline), bodyHtml, CleanText.plainText(excerpt),
                CleanText.plainLine(byline), language, sourceId, sourceUrl, plainImage,
                tags == null ? null : tags.stream().map(CleanText::plainLine).toList(), relatedIds, slug,
                authors == null ? null : authors.stream().map(a -> a.id() != null ? a : AuthorRef.byName(CleanText.plainLine(a.name()))).toList());
    }

    /** The same article with another lead image (a feed item's or ninjs photo, fetched into the library). */
    public ArticleRequest withImage(ImageRequest image) {
        return new ArticleRequest(headline, subheadline, bodyHtml, excerpt, byline, language, sourceId, sourceUrl, image, tags,
                relatedIds, slug);
    }

    /** The same article with its source and read-also links resolved (ingest names them by name and uri). */
    public ArticleRequest withSourceAndRelated(UUID sourceId, List<UUID> relatedIds) {
        return new ArticleRequest(headline, subheadline, bodyHtml, excerpt, byline, language, sourceId, sourceUrl, image, tags,
                relatedIds, slug, authors);
    }

    /**
     * The same article crediting the writers its byline names ({@link Bylines#names}), for what other
     * systems send (a feed item's creator, a ninjs {@code by}): each becomes an author of the article's
     * source, and the byline stays as sent.
     */
    public ArticleRequest withBylineAuthors() {
        return new ArticleRequest(headline, subheadline, bodyHtml, excerpt, byline, language, sourceId, sourceUrl, image, tags,
                relatedIds, slug, Bylines.names(byline).stream().limit(AuthorService.MAX_PER_ARTICLE).map(AuthorRef::byName).toList());
    }

    public NewArticle toNewArticle() {
        return toNewArticle(null);
    }

    /** {@code externalId}: the ninjs uri of an ingested story. */
    public NewArticle toNewArticle(String externalId) {
        return new NewArticle(content(), tags, relatedIds, slug, externalId, authors);
    }

    public ArticleChanges toChanges() {
        return new ArticleChanges(content(), tags, relatedIds, slug, authors);
    }

    private ArticleContent content() {
        ArticleImage articleImage = image == null ? null
                : new ArticleImage(image.mediaId() == null ? image.url() : null, image.caption(), image.credit(), image.mediaId(), image.alt());
        return new ArticleContent(headline, subheadline, bodyHtml, excerpt, byline, language, sourceId, sourceUrl, articleImage);
    }
}
