package io.newsroom.article;

import java.util.Locale;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** Writing direction of a language, from its BCP 47 tag. */
@NamedInterface("readers")
public final class TextDirection {

    /** Languages whose main script is written right to left. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of(
            "ar", "fa", "ur", "he", "iw", "yi", "ps", "sd", "ug", "ckb", "dv", "syr");
    /** Script subtags that override the language's default (e.g. {@code az-Arab}). */
    private static final Set<String> RIGHT_TO_LEFT_SCRIPTS = Set.of("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm");

    private TextDirection() {
    }

    public static String of(String languageTag) {
        // Nearly every stored tag is a bare language ("ar", "en"): answered without parsing it into a
        // Locale, which showed in profiles of search load.
        if (languageTag != null && isBareLanguage(languageTag)) {
            return RIGHT_TO_LEFT.contains(languageTag) ? "rtl" : "ltr";
        }
        Locale locale = Locale.forLanguageTag(languageTag == null ? "" : languageTag);
        boolean rtl = locale.getScript().isEmpty()
                ? RIGHT_TO_LEFT.contains(locale.getLanguage())
                : RIGHT_TO_LEFT_SCRIPTS.contains(locale.getScript());
        return rtl ? "rtl" : "ltr";
    }

    /** Two or three lowercase ASCII letters: a language subtag alone, whose direction the set above answers. */
    private static boolean isBareLanguage(String tag) {
        if (tag.length() < 2 || tag.length() > 3) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (tag.charAt(i) < 'a' || tag.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }
}
