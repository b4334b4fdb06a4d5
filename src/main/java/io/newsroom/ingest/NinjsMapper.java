package io.newsroom.ingest;

import io.newsroom.article.ArticleRequest;
import io.newsroom.article.ArticleRequest.ImageRequest;
import io.newsroom.ingest.IngestDocument.PubStatus;
import io.newsroom.problem.FieldProblem;
import io.newsroom.problem.InvalidRequestProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Entities;
import tools.jackson.databind.JsonNode;

/**
 * Reads an IPTC ninjs document: 2.x (validated against the 2.2 schema first) or 1.x (with
 * {@code headline} and {@code body_html}). What the article model has no place for is ignored.
 */
final class NinjsMapper {

    /** Longer identifiers are not identifiers; the limit also keeps the uri within what a unique index can hold. */
    static final int MAX_URI_LENGTH = 1000;

    private NinjsMapper() {
    }

    static IngestDocument map(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new InvalidRequestProblem("$", "a ninjs document is a JSON object");
        }
        boolean version1 = !document.has("headlines") && !document.has("bodies")
                && (document.has("headline") || document.has("body_html") || document.has("body_text"));
        if (version1) {
            checkVersion1(document);
        } else {
            List<FieldProblem> violations = NinjsSchema.violations(document);
            if (!violations.isEmpty()) {
                throw new InvalidRequestProblem(violations);
            }
        }
        String uri = text(document, "uri");
        if (uri != null && uri.length() > MAX_URI_LENGTH) {
            throw new InvalidRequestProblem("$.uri", "at most " + MAX_URI_LENGTH + " characters");
        }
        Instant versionCreated = time(document, "versioncreated");
        Instant firstCreated = Optional.ofNullable(time(document, "firstcreated")).orElse(versionCreated);
        ArticleRequest content = new ArticleRequest(
                version1 ? text(document, "headline") : headline(document, "main"),
                version1 ? null : headline(document, "sub"),
                version1 ? body1(document) : body2(document),
                version1 ? text(document, "description_text") : description(document),
                version1 ? text(document, "byline") : text(document, "by"),
                text(document, "language"),
                null, null,
                image(document),
                names(document.get(version1 ? "subject" : "subjects")),
                null, null).withBylineAuthors();
        JsonNode infosource = first(document.get("infosources"));
        return new IngestDocument(uri, versionCreated, firstCreated, pubStatus(document), time(document, "embargoed"),
                content, infosource == null ? null : text(infosource, "name"), infosource == null ? null : httpUri(infosource),
                relatedUris(document), null, hash(document));
    }

    private static void checkVersion1(JsonNode document) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!document.path("uri").isString() || document.path("uri").asString().isBlank()) {
            problems.add(new FieldProblem("$.uri", "required: the document's globally unique identifier"));
        }
        for (String field : List.of("headline", "body_html", "body_text", "description_text", "byline", "language", "versioncreated",
                "firstcreated", "embargoed", "pubstatus")) {
            if (document.has(field) && !document.get(field).isString() && !document.get(field).isNull()) {
                problems.add(new FieldProblem("$." + field, "must be a string"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestProblem(problems);
        }
    }

    private static String headline(JsonNode document, String role) {
        List<JsonNode> headlines = list(document.get("headlines"));
        return headlines.stream().filter(h -> role.equals(text(h, "role"))).findFirst()
                .or(() -> "main".equals(role) ? headlines.stream().filter(h -> !h.has("role")).findFirst() : Optional.empty())
                .or(() -> "main".equals(role) ? headlines.stream().findFirst() : Optional.empty())
                .map(h -> text(h, "value")).orElse(null);
    }

    /** The HTML body if there is one, else the plain-text body as paragraphs. */
    private static String body2(JsonNode document) {
        List<JsonNode> bodies = list(document.get("bodies"));
        Optional<String> html = bodies.stream().filter(b -> text(b, "contenttype") != null && text(b, "contenttype").contains("html"))
                .map(b -> text(b, "value")).findFirst();
        return html.orElseGet(() -> bodies.stream().findFirst().map(b -> paragraphs(text(b, "value"))).orElse(null));
    }

    private static String body1(JsonNode document) {
        String html = text(document, "body_html");
        return html != null ? html : paragraphs(text(document, "body_text"));
    }

    private static String description(JsonNode document) {
        return list(document.get("descriptions")).stream()
                .filter(d -> !"caption".equals(text(d, "role")))
                .map(d -> text(d, "value")).findFirst().orElse(null);
    }

    /** The first picture or graphic association: its web rendition (or uri), caption and credit. */
    private static ImageRequest image(JsonNode document) {
        JsonNode associations = document.get("associations");
        List<JsonNode> all = associations == null ? List.of() : associations.isArray() ? list(associations)
                : associations.propertyNames().stream().map(associations::get).toList();
        return all.stream().filter(a -> List.of("picture", "graphic").contains(text(a, "type"))).findFirst().map(picture -> {
            String url = list(picture.get("renditions")).stream().map(r -> text(r, "href")).filter(NinjsMapper::isHttp).findFirst()
                    .orElseGet(() -> httpUri(picture));
            if (url == null) {
                return null;
            }
            String caption = list(picture.get("descriptions")).stream().map(d -> text(d, "value")).findFirst()
                    .orElseGet(() -> Optional.ofNullable(text(picture, "description_text")).orElseGet(() -> headline(picture, "main")));
            String credit = Optional.ofNullable(text(picture, "by")).orElseGet(() -> Optional.ofNullable(text(picture, "copyrightholder"))
                    .orElseGet(() -> text(picture, "byline")));
            return new ImageRequest(url, caption, credit);
        }).orElse(null);
    }

    /** Text associations name read-also stories by their uri. */
    private static List<String> relatedUris(JsonNode document) {
        JsonNode associations = document.get("associations");
        List<JsonNode> all = associations == null ? List.of() : associations.isArray() ? list(associations)
                : associations.propertyNames().stream().map(associations::get).toList();
        return all.stream().filter(a -> "text".equals(text(a, "type")) || (!a.has("type") && a.has("uri")))
                .map(a -> text(a, "uri")).filter(uri -> uri != null && !uri.isBlank()).distinct().toList();
    }

    private static PubStatus pubStatus(JsonNode document) {
        String status = text(document, "pubstatus");
        return status == null || status.equals("usable") ? PubStatus.USABLE : PubStatus.WITHHELD;
    }

    private static List<String> names(JsonNode subjects) {
        return list(subjects).stream().map(s -> text(s, "name")).filter(name -> name != null && !name.isBlank())
                .map(String::strip).distinct().toList();
    }

    private static String paragraphs(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\R\\s*\\R|\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }

    private static String httpUri(JsonNode node) {
        String uri = text(node, "uri");
        return isHttp(uri) ? uri : null;
    }

    private static boolean isHttp(String uri) {
        return uri != null && (uri.startsWith("http://") || uri.startsWith("https://"));
    }

    static Instant time(JsonNode node, String field) {
        return time(field, text(node, field));
    }

    /** A date-time with offset; null stays null, anything else is a 400 naming {@code field}. */
    static Instant time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestProblem("$." + field, "must be a date-time with offset, e.g. 2026-11-29T08:00:00Z");
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static JsonNode first(JsonNode array) {
        return array == null || !array.isArray() || array.isEmpty() ? null : array.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        return array == null || !array.isArray() ? List.of() : StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** SHA-256 of the document as parsed: the same document sent twice has the same hash. */
    static String hash(JsonNode document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
