package io.newsroom.media;

import io.newsroom.text.CleanText;

/** The words that travel with a photo: what it shows, who to credit, who holds the rights. */
record PhotoText(String caption, String credit, String copyright) {

    static final PhotoText NONE = new PhotoText(null, null, null);

    PhotoText {
        caption = clip(CleanText.plainLine(caption), 2000);
        credit = clip(CleanText.plainLine(credit), 300);
        copyright = clip(CleanText.plainLine(copyright), 300);
    }

    /** This text where it has a value, else the other's. */
    PhotoText or(PhotoText other) {
        return new PhotoText(caption != null ? caption : other.caption, credit != null ? credit : other.credit,
                copyright != null ? copyright : other.copyright);
    }

    private static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
