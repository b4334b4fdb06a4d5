package io.newsroom.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.newsroom.request.AcceptHeader;
import org.jsoup.Jsoup;
import org.springframework.http.MediaType;

/**
 * An article as an IPTC ninjs 2.2 news item (validated against ninjs-schema_2.2.json in the tests):
 * headlines, HTML body, the byline as {@code by} and the credited authors as {@code people}, tags as
 * subjects, the source as infosource, and the lead image and the read-also articles as associations.
 */
public final class NinjsDocument {

    public static final String MEDIA_TYPE = "application/ninjs+json";

    private NinjsDocument() {
    }

    /**
     * Whether an Accept header asks for ninjs rather than the JSON article: ninjs must come before
     * JSON (or a wildcard) once the types are ordered by quality, ties in the order sent. A client
     * that lists both it can read (as generated OpenAPI clients do: "application/json,
     * application/ninjs+json") gets JSON; one that asks for ninjs alone, or first, gets ninjs.
     */
    public static boolean isPreferredBy(String accept) {
        return AcceptHeader.prefers(accept, MediaType.parseMediaType(MEDIA_TYPE), MediaType.APPLICATION_JSON);
    }

    public static Map<String, Object> of(PublicArticle a, SiteProperties site) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("uri", uri(a.id()));
        item.put("type", "text");
        item.put("representationtype", "full");
        item.put("profile", "newsroom-article");
        item.put("versioncreated", a.updatedAt().toString());
        item.put("firstcreated", a.createdAt().toString());
        item.put("pubstatus", "usable");
        item.put("language", a.language());
        item.put("slugline", a.slug());
        List<Map<String, Object>> headlines = new ArrayList<>();
        headlines.add(Map.of("role", "main", "value", a.headline()));
        if (a.subheadline() != null) {
            headlines.add(Map.of("role", "sub", "value", a.subheadline()));
        }
        item.put("headlines", headlines);
        if (a.excerpt() != null) {
            item.put("descriptions", List.of(Map.of("role", "summary", "contenttype", "text/plain", "value", a.excerpt())));
        }
        if (a.bodyHtml() != null) {
            item.put("bodies", List.of(Map.of("role", "main", "contenttype", "text/html", "value", a.bodyHtml(),
                    "charcount", Jsoup.parse(a.bodyHtml()).text().length())));
        }
        if (a.byline() != null) {
            item.put("by", a.byline());
        }
        if (!a.authors().isEmpty()) {
            // ninjs 2.2 has no author list of its own: the credited writers are people whose relationship to the item is "author"
            item.put("people", a.authors().stream().map(w -> (Object) Map.of("name", w.name(), "rel", "author", "literal", w.slug(),
                    "uri", w.url())).toList());
        }
        if (!a.tags().isEmpty()) {
            item.put("subjects", a.tags().stream().map(t -> (Object) Map.of("name", t.name(), "literal", t.slug(),
                    "uri", site.url() + "/api/content/tags/" + SiteProperties.encode(t.slug()))).toList());
        }
        if (a.source() != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("name", a.source().name());
            source.put("literal", a.source().slug());
            if (a.source().url() != null) {
                source.put("uri", a.source().url());
            }
            item.put("infosources", List.of(source));
            item.put("copyrightholder", a.source().name());
        }
        List<Map<String, Object>> associations = new ArrayList<>();
        if (a.image() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("name", "image");
            image.put("uri", a.image().url());
            image.put("type", "picture");
            image.put("renditions", imageRenditions(a.image()));
            List<Map<String, Object>> descriptions = new ArrayList<>();
            if (a.image().caption() != null) {
                descriptions.add(Map.of("role", "caption", "value", a.image().caption()));
            }
            if (a.image().alt() != null) {
                descriptions.add(Map.of("role", "alt", "value", a.image().alt()));
            }
            if (!descriptions.isEmpty()) {
                image.put("descriptions", descriptions);
            }
            if (a.image().credit() != null) {
                image.put("by", a.image().credit());
            }
            associations.add(image);
        }
        for (int i = 0; i < a.related().size(); i++) {
            PublicArticle.RelatedRef related = a.related().get(i);
            associations.add(Map.of("name", "related-" + (i + 1), "uri", uri(related.id()), "type", "text",
                    "headlines", List.of(Map.of("role", "main", "value", related.headline())),
                    "renditions", List.of(Map.of("name", "web", "href", site.articleUrl(related.slug()), "contenttype", "text/html"))));
        }
        if (!associations.isEmpty()) {
            item.put("associations", associations);
        }
        item.put("renditions", List.of(Map.of("name", "web", "href", site.articleUrl(a.slug()), "contenttype", "text/html")));
        return item;
    }

    private static String uri(java.util.UUID id) {
        return "urn:uuid:" + id;
    }

    /** A library photo's renditions (name: crop, width and format, e.g. {@code 16x9-640-webp}), or the outside image's one URL. */
    private static List<Map<String, Object>> imageRenditions(PublicArticle.ImageRef image) {
        if (image.renditions().isEmpty()) {
            return List.of(Map.of("name", "original", "href", image.url()));
        }
        List<Map<String, Object>> renditions = new ArrayList<>();
        for (PublicArticle.RenditionRef r : image.renditions()) {
            Map<String, Object> rendition = new LinkedHashMap<>();
            rendition.put("name", r.crop().replace(':', 'x') + "-" + r.width() + "-" + r.format());
            rendition.put("href", r.url());
            rendition.put("contenttype", r.format().equals("webp") ? "image/webp" : "image/jpeg");
            rendition.put("width", r.width());
            rendition.put("height", r.height());
            renditions.add(rendition);
        }
        return renditions;
    }
}
