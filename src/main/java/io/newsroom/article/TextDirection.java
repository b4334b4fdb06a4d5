package io.newsroom.article;

import java.util.Locale;
import java.util.Set;

/** Writing direction of a language, from its BCP 47 tag. */
public final class TextDirection {

    /** Languages whose main script is written right to left. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of(
            "ar", "fa", "ur", "he", "iw", "yi", "ps", "sd", "ug", "ckb", "dv", "syr");
    /** Script subtags that override the language's default (e.g. {@code az-Arab}). */
    private static final Set<String> RIGHT_TO_LEFT_SCRIPTS = Set.of("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm");

    private TextDirection() {
    }

    public static String of(String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag == null ? "" : languageTag);
        boolean rtl = locale.getScript().isEmpty()
                ? RIGHT_TO_LEFT.contains(locale.getLanguage())
                : RIGHT_TO_LEFT_SCRIPTS.contains(locale.getScript());
        return rtl ? "rtl" : "ltr";
    }
}
