package io.newsroom.article.web;

import io.newsroom.article.ArticleChanges;
import io.newsroom.article.ArticleContent;
import io.newsroom.article.ArticleImage;
import io.newsroom.article.NewArticle;
import io.newsroom.validation.HttpUrl;
import io.newsroom.validation.LanguageTag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** An article as editors send it (POST, PUT, and the result of a PATCH merge). */
record ArticleRequest(
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
        @Size(max = 200) String slug) {

    record ImageRequest(@NotBlank @HttpUrl String url, @Size(max = 2000) String caption, @Size(max = 300) String credit) {
    }

    NewArticle toNewArticle() {
        return new NewArticle(content(), tags, relatedIds, slug, null);
    }

    ArticleChanges toChanges() {
        return new ArticleChanges(content(), tags, relatedIds, slug);
    }

    private ArticleContent content() {
        ArticleImage articleImage = image == null ? null : new ArticleImage(image.url(), image.caption(), image.credit());
        return new ArticleContent(headline, subheadline, bodyHtml, excerpt, byline, language, sourceId, sourceUrl, articleImage);
    }

    /** The current state in request shape: what a JSON merge patch is applied to. */
    static ArticleRequest of(AdminArticleResponse article) {
        ImageRequest image = article.image() == null ? null
                : new ImageRequest(article.image().url(), article.image().caption(), article.image().credit());
        return new ArticleRequest(article.headline(), article.subheadline(), article.bodyHtml(), article.excerpt(),
                article.byline(), article.language(), article.source() == null ? null : article.source().id(),
                article.sourceUrl(), image, article.tags().stream().map(AdminArticleResponse.TagRef::name).toList(),
                article.related().stream().map(AdminArticleResponse.RelatedRef::id).toList(), article.slug());
    }
}
