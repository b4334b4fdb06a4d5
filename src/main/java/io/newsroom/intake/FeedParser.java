package io.newsroom.intake;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 1.0 (with Rome) and JSON Feed 1.x into plain items. The document
 * is untrusted: Rome refuses any DOCTYPE (so no DTD, no entity, no XXE reads a file or makes a
 * request) and resolves no external entity. What XML 1.0 forbids is removed first ({@link XmlForbidden});
 * a document that still cannot be read is an exception whose message goes into the poll's report, an
 * item that cannot be read is named there and skipped.
 */
final class FeedParser {

    private static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");

    /** One item as the feed tells it; nothing here is cleaned yet (the mapping does it, at the boundary). */
    record Item(String guid, String link, String title, String content, String description, Instant publishedAt,
                String author, List<String> categories, String imageUrl, String imageCaption) {
    }

    /**
     * The feed's items; {@code warnings}: what was repaired to read it; {@code unreadable}: items
     * that could not be read, each named with the reason (the others are read all the same).
     */
    record Parsed(String language, List<Item> items, List<String> warnings, List<String> unreadable) {
    }

    private FeedParser() {
    }

    /** The feed's characters (decoded by {@link FeedCharsets}), so no charset is guessed here. */
    static Parsed parse(String text) throws FeedException {
        List<String> warnings = new ArrayList<>();
        XmlForbidden.Cleaned cleaned = XmlForbidden.remove(text);
        if (cleaned.removed() > 0) {
            warnings.add("The feed holds " + cleaned.removed() + " character(s) XML 1.0 forbids (control characters, U+FFFE, U+FFFF,"
                    + " lone surrogates, or references to them); they were removed before reading it");
        }
        if (looksLikeJson(cleaned.text())) {
            FeedParser.Parsed json = JsonFeedParser.parse(cleaned.text());
            return new Parsed(json.language(), json.items(), warnings, json.unreadable());
        }
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true); // leading whitespace and stray entities, common in the wild
        SyndFeed feed = input.build(new StringReader(cleaned.text()));
        List<Item> items = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            try {
                items.add(item(entries.get(i)));
            } catch (RuntimeException e) {
                unreadable.add("item " + (i + 1) + (entries.get(i).getUri() == null ? "" : " (" + entries.get(i).getUri() + ")")
                        + " could not be read and was skipped: " + e.getMessage());
            }
        }
        return new Parsed(feed.getLanguage(), items, warnings, unreadable);
    }

    /** JSON Feed starts with an object; XML with '<' (after a byte-order mark or white space at most). */
    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length() && i < 512; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                return true;
            }
            if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')) {
                return false;
            }
        }
        return false;
    }

    private static Item item(SyndEntry entry) {
        String content = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
        String description = entry.getDescription() == null ? null : entry.getDescription().getValue();
        Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
        String author = entry.getAuthor();
        List<String> people = entry.getAuthors().stream().map(SyndPerson::getName).filter(n -> n != null && !n.isBlank()).toList();
        if (people.size() > 1 || (author == null || author.isBlank()) && !people.isEmpty()) {
            author = String.join(", ", people); // every writer of the item: each becomes one of its authors
        }
        List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).filter(n -> n != null && !n.isBlank()).toList();
        String[] image = image(entry);
        String guid = entry.getUri();
        return new Item(guid == null || guid.isBlank() ? null : guid.strip(), entry.getLink(), entry.getTitle(), content, description,
                published, author, categories, image[0], image[1]);
    }

    /** The item's picture: media:content (an image), media:thumbnail, an image enclosure; with media's caption. */
    private static String[] image(SyndEntry entry) {
        for (Element element : entry.getForeignMarkup()) {
            if (!MEDIA.getURI().equals(element.getNamespaceURI())) {
                continue;
            }
            List<Element> candidates = new ArrayList<>();
            if (element.getName().equals("group")) {
                candidates.addAll(element.getChildren("content", MEDIA));
            } else {
                candidates.add(element);
            }
            for (Element candidate : candidates) {
                String url = candidate.getAttributeValue("url");
                boolean image = candidate.getName().equals("thumbnail") || "image".equals(candidate.getAttributeValue("medium"))
                        || String.valueOf(candidate.getAttributeValue("type")).toLowerCase(Locale.ROOT).startsWith("image/");
                if (url != null && image && (candidate.getName().equals("content") || candidate.getName().equals("thumbnail"))) {
                    String caption = firstText(candidate, "description", "title");
                    if (caption == null) {
                        caption = firstText(element, "description", "title");
                    }
                    return new String[] {url, caption};
                }
            }
        }
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure.getUrl() != null && enclosure.getType() != null && enclosure.getType().toLowerCase(Locale.ROOT).startsWith("image/")) {
                return new String[] {enclosure.getUrl(), null};
            }
        }
        return new String[] {null, null};
    }

    private static String firstText(Element element, String... names) {
        for (String name : names) {
            Element child = element.getChild(name, MEDIA);
            if (child != null && !child.getTextTrim().isEmpty()) {
                return child.getTextTrim();
            }
        }
        return null;
    }
}
