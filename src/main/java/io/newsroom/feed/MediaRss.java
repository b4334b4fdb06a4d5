package io.newsroom.feed;

import io.newsroom.content.PublicArticle;
import io.newsroom.text.CleanText;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Media RSS in RSS feeds: each item's photo as {@code <media:content>} with its size, caption and
 * credit, which feed readers and aggregators show as the item's picture (beside the enclosure).
 */
final class MediaRss {

    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private MediaRss() {
    }

    /** Items are in the order of {@code articles}, as Rome wrote them. Atom documents are left as they are. */
    static void addImages(Document document, List<PublicArticle> articles) {
        Element channel = document.getRootElement().getChild("channel");
        if (!"rss".equals(document.getRootElement().getName()) || channel == null) {
            return;
        }
        List<Element> items = channel.getChildren("item");
        boolean any = false;
        for (int i = 0; i < items.size() && i < articles.size(); i++) {
            PublicArticle.ImageRef image = articles.get(i).image();
            if (image == null) {
                continue;
            }
            any = true;
            PublicArticle.RenditionRef largest = image.largest();
            Element content = new Element("content", MEDIA)
                    .setAttribute("url", CleanText.forXml(largest == null ? image.url() : largest.url()))
                    .setAttribute("medium", "image");
            if (largest != null) {
                content.setAttribute("type", "image/jpeg");
                content.setAttribute("width", Integer.toString(largest.width()));
                content.setAttribute("height", Integer.toString(largest.height()));
            }
            if (image.caption() != null) {
                content.addContent(new Element("description", MEDIA).setAttribute("type", "plain").setText(CleanText.forXml(image.caption())));
            }
            if (image.credit() != null) {
                content.addContent(new Element("credit", MEDIA).setText(CleanText.forXml(image.credit())));
            }
            items.get(i).addContent(content);
        }
        if (any) {
            document.getRootElement().addNamespaceDeclaration(MEDIA);
        }
    }
}
