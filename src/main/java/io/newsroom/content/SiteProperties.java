package io.newsroom.content;

import io.newsroom.validation.HttpUrl;
import io.newsroom.validation.LanguageTag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.NamedInterface;
import org.springframework.validation.annotation.Validated;

/**
 * The public site the content is served for: its name and address appear in feeds, sitemaps,
 * JSON-LD and ninjs, and article links are made from {@code articleUrl} ({slug} is replaced).
 *
 * @param name       the publication name (Google News sitemaps, feed titles, JSON-LD publisher)
 * @param url        the site's base URL
 * @param language   the site's main language (feeds)
 * @param articleUrl where readers find an article; {@code {slug}} is its percent-encoded slug
 */
@Validated
@ConfigurationProperties("newsroom.site")
@NamedInterface("api")
public record SiteProperties(
        @DefaultValue("Newsroom") @NotBlank String name,
        @DefaultValue("http://localhost:8080") @NotBlank @HttpUrl String url,
        @DefaultValue("ar") @NotBlank @LanguageTag String language,
        @DefaultValue("http://localhost:8080/api/content/articles/{slug}") @NotBlank @HttpUrl
        @Pattern(regexp = ".*\\{slug}.*", message = "must contain {slug}, where each article's slug goes") String articleUrl) {

    public String articleUrl(String slug) {
        return articleUrl.replace("{slug}", encode(slug));
    }

    /** An author's public page: the content API's profile (a former slug of the author answers 301 there). */
    public String authorUrl(String slug) {
        return url + "/api/content/authors/" + encode(slug);
    }

    /** A slug as one percent-encoded URL path segment (UTF-8). */
    public static String encode(String slug) {
        return java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
