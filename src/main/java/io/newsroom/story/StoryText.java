package io.newsroom.story;

import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.SearchText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text as the story decision reads it: words in search form (ArabicNormalizer: hamza forms,
 * taa marbuta, Arabic-Indic and Persian digits folded), each with its clitics peeled (و ف ب ك ل
 * and ال: بعدن → عدن), its light stem and its root (ArabicRoots); and numbers as values, however
 * written: 15, ١٥, خمسة عشر; 5.8, 5,8 and ٥٫٨; 1,000 and ١٬٠٠٠; 11 ألفا.
 */
final class StoryText {

    /**
     * One word or number of a text: its forms ({@code forms[0]} as written, in search form, then
     * with each clitic peeled), the form it is compared by ({@code key}: without its article and
     * what precedes it), that form's light stem and root, its value when it is a number, and
     * whether it was joined to the word before by و. {@code stems} are the light stems of the forms.
     */
    record Token(String[] forms, String[] stems, String key, String stem, String root, BigDecimal number, boolean afterAnd) {

        String first() {
            return forms[0];
        }

        String last() {
            return forms[forms.length - 1];
        }

        /** Whether it carries the article (المئة, بالمئة). */
        boolean hasArticle() {
            for (String form : forms) {
                if (form.startsWith("ال") || form.startsWith("لل")) {
                    return true;
                }
            }
            return false;
        }

        static Token number(BigDecimal value, boolean afterAnd) {
            String written = value.toPlainString();
            String[] only = {written};
            return new Token(only, only, written, written, written, value, afterAnd);
        }
    }

    private StoryText() {
    }

    /**
     * The tokens of a text; with {@code readNumbers}, numbers written in words are read as numbers
     * (NumberWords) and separators inside a number are read (else 5.8 is two numbers, 5 and 8).
     */
    static List<Token> tokens(String text, boolean readNumbers) {
        List<Token> raw = raw(text, readNumbers);
        if (!readNumbers) {
            return raw;
        }
        List<Token> tokens = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size();) {
            NumberWords.Read read = raw.get(i).number() != null || NumberWords.opens(raw, i) && !isDateName(raw, i)
                    ? NumberWords.read(raw, i) : null;
            if (read == null) {
                tokens.add(raw.get(i++));
            } else {
                tokens.add(Token.number(read.value(), raw.get(i).afterAnd()));
                i += read.length();
            }
        }
        return tokens;
    }

    /** An ordinal with the article before من names a day, and places after it: العاشر من رمضان, السادس من أكتوبر. */
    private static boolean isDateName(List<Token> tokens, int at) {
        return tokens.get(at).hasArticle() && at + 1 < tokens.size() && tokens.get(at + 1).first().equals("من");
    }

    /** Words and digit numbers, before number words are read. */
    private static List<Token> raw(String text, boolean readSeparators) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        String form = ArabicNormalizer.searchForm(text);
        boolean afterAnd = false;
        int i = 0;
        while (i < form.length()) {
            char c = form.charAt(i);
            if (isDigit(c)) {
                int end = readSeparators ? numberEnd(form, i) : digitsEnd(form, i);
                tokens.add(Token.number(value(form.substring(i, end)), afterAnd));
                afterAnd = false;
                i = end;
            } else if (c == '%' || c == '٪') {
                tokens.add(word("بالمئة"));
                i++;
            } else if (ArabicNormalizer.isLetterOrNumber(c)) {
                int end = i;
                while (end < form.length() && ArabicNormalizer.isLetterOrNumber(form.charAt(end)) && !isDigit(form.charAt(end))) {
                    end++;
                }
                String word = form.substring(i, end);
                if (word.length() == 1) {
                    afterAnd = word.equals("و"); // و15: the number is joined to what came before
                } else {
                    tokens.add(word(word));
                    afterAnd = false;
                }
                i = end;
            } else {
                i++;
            }
        }
        return tokens;
    }

    /** Each word's token, so that a word met again is one lookup (a news window's words repeat); started over when full. */
    private static final Map<String, Token> WORDS = new ConcurrentHashMap<>();
    private static final int CACHED_WORDS = 100_000;

    static Token word(String searchForm) {
        Token token = WORDS.get(searchForm);
        if (token == null) {
            token = read(searchForm);
            if (WORDS.size() >= CACHED_WORDS) {
                WORDS.clear();
            }
            WORDS.put(searchForm, token);
        }
        return token;
    }

    private static Token read(String searchForm) {
        String[] forms = SearchText.forms(searchForm).toArray(String[]::new);
        String key = keyForm(forms);
        String stem = ArabicRoots.stem(key);
        String[] stems = new String[forms.length];
        for (int i = 0; i < forms.length; i++) {
            stems[i] = ArabicRoots.stem(forms[i]);
        }
        boolean afterAnd = forms.length > 1 && (forms[0].startsWith("و") || forms[0].startsWith("ف")) && forms[1].equals(forms[0].substring(1));
        return new Token(forms, stems, key, stem, ArabicRoots.root(stem), null, afterAnd);
    }

    /**
     * The form a word is compared by: after an article the word itself (والمعلمين → معلمين), else
     * with every clitic peeled, as search peels it. A word whose first letter is a clitic's
     * (وزير, بطولة) is then compared without it, which is wrong but the same in every text that
     * writes it bare; the lists (synonyms, places) know such words whole.
     */
    private static String keyForm(String[] forms) {
        for (int i = 0; i + 1 < forms.length; i++) {
            if (forms[i].startsWith("ال") || forms[i].startsWith("لل")) {
                return forms[i + 1];
            }
        }
        return forms[forms.length - 1];
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Where a number ends: digits, with single separators between digits (5.8, 5,8, ٥٫٨, 1,000, ١٬٠٠٠). */
    private static int numberEnd(String form, int start) {
        int end = start;
        while (end < form.length()) {
            char c = form.charAt(end);
            if (isDigit(c)) {
                end++;
            } else if (isSeparator(c) && end + 1 < form.length() && isDigit(form.charAt(end + 1))) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static int digitsEnd(String form, int start) {
        int end = start;
        while (end < form.length() && isDigit(form.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == ',' || c == '٫' || c == '٬' || c == '،';
    }

    /**
     * A written number's value. A comma or Arabic thousands separator followed by groups of exactly
     * three digits separates thousands (1,000); otherwise a comma is a decimal comma (5,8), as
     * Maghreb outlets write it, and so is the Arabic decimal separator (٫).
     */
    static BigDecimal value(String written) {
        String[] groups = written.split("[.,٫٬،]");
        boolean thousands = groups.length > 1 && groups[0].length() <= 3 && written.indexOf('٫') < 0;
        for (int g = 1; g < groups.length && thousands; g++) {
            thousands = groups[g].length() == 3 && (groups.length > 2 || written.indexOf('.') < 0);
        }
        if (thousands || groups.length > 2) {
            return new BigDecimal(String.join("", groups)).stripTrailingZeros();
        }
        return new BigDecimal(groups.length == 1 ? groups[0] : groups[0] + "." + groups[1]).stripTrailingZeros();
    }
}
