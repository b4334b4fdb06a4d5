package io.newsroom.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bylines and the names in them, both ways: the display line made from an article's authors
 * ({@link #of}), and the writers' names read from a byline other systems send ({@link #names}: a feed
 * item's {@code dc:creator} or {@code author}, a ninjs {@code by}).
 */
public final class Bylines {

    /** "name@example.org (Name)", as RSS 2.0's {@code author} element is written. */
    private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");
    private static final Pattern EMAIL = Pattern.compile("^\\S+@\\S+\\.\\S+$");
    /** Names are listed with commas (Latin or Arabic), semicolons, "and" or "&"; never split on "و": it begins names (وليد). */
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[,،;؛|]|\\s(?:and|&)\\s)\\s*", Pattern.CASE_INSENSITIVE);
    /** What bylines open with before the names: "By", "بقلم", "كتب", "كتبت", "إعداد", "تقرير". */
    private static final Pattern LEAD_IN = Pattern.compile("^(?:by|بقلم|كتبت?|إعداد|اعداد|تقرير)\\s*[:：-]?\\s+", Pattern.CASE_INSENSITIVE);
    /** The longest name kept; longer text is a sentence, not a name. */
    public static final int MAX_NAME = 100;

    private Bylines() {
    }

    /**
     * The display line of these names in the article's language: Arabic joins the last name with an
     * attached "و" ("محمد علي وسارة أحمد"), English with "and", other languages list them with commas.
     * Null for no names.
     */
    public static String of(List<String> names, String language) {
        if (names.isEmpty()) {
            return null;
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        List<String> first = names.subList(0, names.size() - 1);
        String last = names.get(names.size() - 1);
        if (lang.equals("ar") || lang.startsWith("ar-")) {
            return String.join("، ", first) + " و" + last;
        }
        if (lang.equals("en") || lang.startsWith("en-")) {
            return String.join(", ", first) + " and " + last;
        }
        return String.join(", ", names);
    }

    /**
     * The writers named in a byline, in order, each once (spelling variants of one name count once):
     * an e-mail address with a name in brackets gives the name, a bare address gives nothing, and a
     * lead-in ("By", "بقلم:") is left out. Empty for a blank byline.
     */
    public static List<String> names(String byline) {
        if (byline == null || byline.isBlank()) {
            return List.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String part : SEPARATORS.split(CleanText.plainLine(byline).strip())) {
            String name = name(part);
            String key = name == null ? "" : ArabicNormalizer.key(name);
            if (!key.isEmpty()) { // names without a letter or digit were left out by name()
                byKey.putIfAbsent(key, name);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String name(String part) {
        String name = part.strip();
        Matcher withName = EMAIL_WITH_NAME.matcher(name);
        if (withName.matches()) {
            name = withName.group(1).strip();
        } else if (EMAIL.matcher(name).matches()) {
            return null;
        }
        name = CleanText.name(LEAD_IN.matcher(name).replaceFirst(""));
        return name == null || !hasLetterOrDigit(name) || name.length() > MAX_NAME ? null : name;
    }

    /** Whether the text holds a letter or a digit: what a name needs ("***" or "—" name no one). */
    public static boolean hasLetterOrDigit(String text) {
        return text != null && text.codePoints().anyMatch(ArabicNormalizer::isLetterOrNumber);
    }
}
