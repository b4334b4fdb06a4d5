package io.newsroom.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Feed 1.0 and 1.1 (jsonfeed.org) into the items RSS and Atom give; nothing is cleaned here either. */
final class JsonFeedParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonFeedParser() {
    }

    static FeedParser.Parsed parse(String body) {
        JsonNode feed;
        try {
            feed = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (!feed.isObject() || !feed.path("version").asString("").startsWith("https://jsonfeed.org/version/") || !feed.path("items").isArray()) {
            throw new IllegalArgumentException("not a JSON Feed (no jsonfeed.org version or no items)");
        }
        List<FeedParser.Item> items = new ArrayList<>();
        for (JsonNode item : feed.path("items")) {
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(tag -> {
                if (tag.isString()) {
                    tags.add(tag.asString());
                }
            });
            String contentHtml = text(item, "content_html");
            String contentText = text(item, "content_text");
            String summary = text(item, "summary");
            String image = text(item, "image") != null ? text(item, "image") : text(item, "banner_image");
            items.add(new FeedParser.Item(text(item, "id"), text(item, "url"), text(item, "title"),
                    contentHtml, contentHtml != null ? summary : contentText != null ? contentText : summary,
                    date(text(item, "date_published"), text(item, "date_modified")), author(item, feed), tags, image, null));
        }
        return new FeedParser.Parsed(text(feed, "language"), items, List.of(), List.of());
    }

    /** 1.1's authors' names (each becomes one of the item's authors), 1.0's author.name, else the feed's. */
    private static String author(JsonNode item, JsonNode feed) {
        for (JsonNode holder : List.of(item, feed)) {
            List<String> names = new java.util.ArrayList<>();
            holder.path("authors").forEach(person -> {
                String personName = text(person, "name");
                if (personName != null && !personName.isBlank()) {
                    names.add(personName);
                }
            });
            String name = names.isEmpty() ? null : String.join(", ", names);
            if (name == null) {
                name = text(holder.path("author"), "name");
            }
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static Instant date(String published, String modified) {
        for (String value : new String[] {published, modified}) {
            if (value != null) {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException e) {
                    // unreadable: the mapping publishes it now and says so
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? value.asString() : null;
    }
}
