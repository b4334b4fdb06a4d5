package io.newsroom.article;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans article bodies on the way in (jsoup's allow-list cleaner). Kept: what a news body needs —
 * paragraphs, headings, lists, quotes, links, images, figure/figcaption, tables, and {@code dir}/
 * {@code lang} for mixed Arabic and Latin text. Dropped: scripts, event handlers, styles, forms,
 * {@code javascript:} and {@code data:} URLs, and embeds from hosts not on the list.
 */
final class BodySanitizer {

    /** Embeds (iframes) are kept only from these video and social hosts, over https. */
    private static final List<String> EMBED_HOSTS = List.of(
            "https://www.youtube.com/embed/", "https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/");

    /** Only used to resolve relative links during cleaning; relative links stay relative in the output. */
    private static final String BASE_URI = "https://newsroom.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "section", "aside", "iframe", "mark", "small", "time")
            .addAttributes(":all", "dir", "lang")
            .addAttributes("time", "datetime")
            .addAttributes("iframe", "src", "width", "height", "allowfullscreen", "title")
            .addProtocols("iframe", "src", "https")
            .preserveRelativeLinks(true);

    private BodySanitizer() {
    }

    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return html;
        }
        Document dirty = Jsoup.parseBodyFragment(html, BASE_URI);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element iframe : clean.select("iframe")) {
            String src = iframe.attr("src");
            if (EMBED_HOSTS.stream().noneMatch(src::startsWith)) {
                iframe.remove();
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
