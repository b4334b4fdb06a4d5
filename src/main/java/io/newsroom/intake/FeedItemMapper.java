package io.newsroom.intake;

import io.newsroom.article.ArticleRequest;
import io.newsroom.ingest.IngestDocument;
import io.newsroom.ingest.IngestDocument.PubStatus;
import io.newsroom.outbound.OutboundTargets;
import io.newsroom.text.CleanText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * A feed item as an article to ingest: headline, body ({@code content:encoded} or Atom content, else
 * the description as paragraphs), excerpt, publication time, link, image with its caption,
 * categories and the feed's default tags, byline, language and source. Text fields are plain text
 * ({@link CleanText#plainLine}: titles often carry markup and entities) before they are cut to
 * length; bodies are sanitised by the article service like any admin body.
 */
final class FeedItemMapper {

    private static final int MAX_HEADLINE = 300;
    private static final int MAX_EXCERPT = 2000;
    private static final int MAX_BYLINE = 300;
    private static final int MAX_TAG = 100;
    private static final int MAX_TAGS = 50;

    /**
     * The mapped item and what the report should say about it (a missing date, a link that was not
     * used). {@code undecodable}: its text holds U+FFFD, the mark of bytes its charset could not
     * decode; such text is never published.
     */
    record Mapped(IngestDocument document, List<String> notes, boolean undecodable) {
    }

    private FeedItemMapper() {
    }

    /** The key an item is known by, within its feed: its guid, else its link, else its headline. */
    static String key(FeedSubscription feed, FeedParser.Item item) {
        String key = item.guid() != null ? item.guid() : item.link() != null && !item.link().isBlank() ? item.link().strip() : "title:" + item.title();
        return "feed:" + feed.id() + ":" + key;
    }

    /** The item's key within its feed, for the report: its document's uri without the feed's prefix. */
    static String label(IngestDocument document) {
        String uri = document.uri();
        int keyStart = uri.indexOf(':', "feed:".length());
        return keyStart < 0 ? uri : uri.substring(keyStart + 1);
    }

    static Mapped map(FeedSubscription feed, String feedLanguage, FeedParser.Item item, Instant now) {
        List<String> notes = new ArrayList<>();
        String label = item.guid() != null ? item.guid() : item.link() != null ? item.link() : String.valueOf(item.title());
        String headline = cut(CleanText.plainLine(item.title()), MAX_HEADLINE);
        String body = item.content() != null ? item.content() : paragraphs(item.description());
        String excerpt = item.content() != null && item.description() != null ? cut(CleanText.plainLine(item.description()), MAX_EXCERPT) : null;

        Instant published = item.publishedAt();
        if (published == null) {
            notes.add(label + ": no readable publication date; published now");
            published = now;
        } else if (published.isAfter(now.plusSeconds(300))) {
            notes.add(label + ": publication date " + published + " is in the future; published now");
            published = now;
        }
        String link = httpUrl(item.link(), null);
        if (item.link() != null && link == null) {
            notes.add(label + ": the link is not an http(s) URL and was not kept");
        }
        ArticleRequest.ImageRequest image = image(item, body, link);

        Set<String> tags = new LinkedHashSet<>();
        for (String tag : item.categories()) {
            String name = cut(CleanText.plainLine(tag), MAX_TAG);
            if (name != null && !name.isBlank()) {
                tags.add(name);
            }
        }
        tags.addAll(feed.defaultTags());
        String language = feed.language() != null ? feed.language() : feedLanguage == null || feedLanguage.isBlank() ? null : feedLanguage.strip();

        ArticleRequest content = new ArticleRequest(headline, null, body, excerpt, cut(CleanText.plainLine(item.author()), MAX_BYLINE), language,
                feed.sourceId(), link, image, List.copyOf(tags).subList(0, Math.min(tags.size(), MAX_TAGS)), List.of(), null)
                .withBylineAuthors();
        String hash = hash(String.join("\u0000", String.valueOf(headline), String.valueOf(body), String.valueOf(excerpt),
                String.valueOf(item.author()), String.valueOf(link), String.valueOf(image), String.join(",", tags), String.valueOf(language)));
        boolean undecodable = holdsReplacementCharacter(content);
        PubStatus status = feed.mode() == FeedSubscription.Mode.PUBLISH && !undecodable ? PubStatus.PUBLISH_WHEN_NEW : PubStatus.DRAFT;
        IngestDocument document = new IngestDocument(key(feed, item), null, published, status, null, content, null, null, List.of(), null, hash);
        return new Mapped(document, notes, undecodable);
    }

    private static boolean holdsReplacementCharacter(ArticleRequest content) {
        List<String> texts = new ArrayList<>(Arrays.asList(content.headline(), content.bodyHtml(), content.excerpt(),
                content.byline()));
        if (content.image() != null) {
            texts.add(content.image().caption());
        }
        texts.addAll(content.tags());
        return texts.stream().anyMatch(text -> text != null && text.indexOf('\uFFFD') >= 0);
    }

    /** The item's picture, else the body's first image (with its figure's caption or its alt text). */
    private static ArticleRequest.ImageRequest image(FeedParser.Item item, String body, String base) {
        String url = httpUrl(item.imageUrl(), base);
        String caption = CleanText.plainLine(item.imageCaption());
        if (url == null && body != null) {
            Element img = Jsoup.parseBodyFragment(body).selectFirst("img[src]");
            if (img != null) {
                url = httpUrl(img.attr("src"), base);
                Element figure = img.closest("figure");
                Element figcaption = figure == null ? null : figure.selectFirst("figcaption");
                caption = figcaption != null ? figcaption.text() : img.attr("alt").isBlank() ? null : img.attr("alt");
            }
        }
        return url == null ? null : new ArticleRequest.ImageRequest(url, cut(caption, 2000), null);
    }

    /** An absolute http(s) URL, relative ones resolved against {@code base}; null for anything else. */
    private static String httpUrl(String url, String base) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = base == null ? URI.create(url.strip()) : URI.create(base).resolve(url.strip());
            String absolute = uri.toString();
            return OutboundTargets.refusal(absolute, true).isEmpty() ? absolute : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A description in plain text becomes paragraphs; one in HTML stays HTML (the sanitiser follows). */
    private static String paragraphs(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        Document parsed = Jsoup.parseBodyFragment(description);
        if (!parsed.body().children().isEmpty()) {
            return description;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : description.strip().split("\\R\\s*\\R|\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }


    private static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int space = value.lastIndexOf(' ', max - 1);
        return (space > max / 2 ? value.substring(0, space) : value.substring(0, max - 1)) + "…";
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
