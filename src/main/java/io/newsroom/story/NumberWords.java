package io.newsroom.story;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers written in words, as outlets write them beside digits: خمسة عشر (15), أربعة وثلاثين (34),
 * ثلاثمئة وخمسون (350), ألف ومئتي (1200), أحد عشر ألفا (11,000), ستمئة وأربعين ألف (640,000),
 * مليوني (2,000,000), a unit in the accusative before tens (ثمانيا وأربعين: 48), a share of a
 * multiplier (نصف مليون: 500,000; ثلاثة أرباع مليون: 750,000; مليون ونصف المليون: 1,500,000), and the
 * ordinals a count is told with (للمرة الثانية عشرة: 12). Words are
 * read in search form with their clitics peeled (وثلاثين → ثلاثين, الخمسين → خمسين).
 *
 * <p>Left out on purpose: أحد and إحدى alone ("لم يصب أحد": nobody), the ordinal الأول (mostly
 * "first" in a name: المنتخب الأول), and المئة with its article, which is the percent sign
 * (في المئة); vague plurals (عشرات, مئات) are no number; a half or a quarter with no multiplier after it
 * (نصف النهائي, ربع ساعة), which names a part rather than a count.
 */
final class NumberWords {

    /** How a number word combines with the words before it. */
    enum Kind { UNIT, TEN, TENS, HUNDREDS, MULTIPLIER, DUAL_MULTIPLIER, PLURAL_MULTIPLIER }

    record Word(Kind kind, long value) {
    }

    private static final Map<String, Word> WORDS = new HashMap<>();
    /** أحد, إحدى, حادي: one, but only before عشر. */
    private static final Word ONE_BEFORE_TEN = new Word(Kind.UNIT, 1);

    static {
        units(1, "واحد", "واحدة");
        units(2, "اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي", "ثاني", "ثانية");
        units(3, "ثلاث", "ثلاثة", "ثالث", "ثالثة", "ثلاثا");
        units(4, "اربع", "اربعة", "رابع", "رابعة", "اربعا");
        units(5, "خمس", "خمسة", "خامس", "خامسة", "خمسا");
        units(6, "ست", "ستة", "سادس", "سادسة");
        units(7, "سبع", "سبعة", "سابع", "سابعة", "سبعا");
        units(8, "ثمان", "ثماني", "ثمانية", "ثامن", "ثامنة", "ثمانيا");
        units(9, "تسع", "تسعة", "تاسع", "تاسعة", "تسعا");
        put(Kind.TEN, 10, "عشر", "عشرة", "عاشر", "عاشرة");
        String[] tens = {"عشرون", "ثلاثون", "اربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"};
        for (int i = 0; i < tens.length; i++) {
            String stem = tens[i].substring(0, tens[i].length() - 2);
            put(Kind.TENS, 20L + 10L * i, tens[i], stem + "ين");
        }
        put(Kind.HUNDREDS, 100, "مئة", "مائة");
        put(Kind.HUNDREDS, 200, "مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي");
        String[] hundreds = {"ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"};
        for (int i = 0; i < hundreds.length; i++) {
            put(Kind.HUNDREDS, 300L + 100L * i, hundreds[i] + "مئة", hundreds[i] + "مائة");
        }
        put(Kind.MULTIPLIER, 1_000, "الف", "الفا");
        put(Kind.PLURAL_MULTIPLIER, 1_000, "الاف");
        put(Kind.DUAL_MULTIPLIER, 1_000, "الفان", "الفين", "الفي");
        put(Kind.MULTIPLIER, 1_000_000, "مليون", "مليونا");
        put(Kind.PLURAL_MULTIPLIER, 1_000_000, "ملايين");
        put(Kind.DUAL_MULTIPLIER, 1_000_000, "مليونان", "مليونين", "مليوني");
        put(Kind.MULTIPLIER, 1_000_000_000, "مليار", "مليارا", "بليون");
        put(Kind.PLURAL_MULTIPLIER, 1_000_000_000, "مليارات");
        put(Kind.DUAL_MULTIPLIER, 1_000_000_000, "ملياران", "مليارين", "ملياري");
    }

    /** A share of the multiplier after it (نصف مليون), or of the one before (مليون ونصف). */
    private static final Map<String, BigDecimal> SHARES = Map.of("نصف", new BigDecimal("0.5"), "ربع", new BigDecimal("0.25"));
    /** Quarters after a unit: ثلاثة أرباع مليون. */
    private static final String QUARTERS = "ارباع";

    private NumberWords() {
    }

    /** Whether a number may start at this token: a number word, or a share read only when a multiplier follows it. */
    static boolean opens(List<StoryText.Token> tokens, int at) {
        return of(tokens.get(at)) != null || share(tokens.get(at)) != null && multiplierAt(tokens, at + 1);
    }

    /** The share a token names (نصف, ربع, with clitics), or null. */
    private static BigDecimal share(StoryText.Token token) {
        for (String form : token.forms()) {
            BigDecimal share = SHARES.get(form);
            if (share != null) {
                return share;
            }
        }
        return null;
    }

    private static boolean isQuarters(StoryText.Token token) {
        return token.forms()[token.forms().length - 1].equals(QUARTERS);
    }

    private static boolean multiplierAt(List<StoryText.Token> tokens, int at) {
        Word word = at < tokens.size() && !tokens.get(at).afterAnd() ? of(tokens.get(at)) : null;
        return word != null && word.kind() == Kind.MULTIPLIER;
    }

    private static void units(long value, String... spellings) {
        put(Kind.UNIT, value, spellings);
    }

    private static void put(Kind kind, long value, String... spellings) {
        for (String spelling : spellings) {
            WORDS.put(spelling, new Word(kind, value));
        }
    }

    /**
     * The number word a token is, or null; its longest form first (خمسين, not خمس with ين taken for
     * a plural), and never a form left by taking a plural ending off (عشرات is no عشر).
     */
    static Word of(StoryText.Token token) {
        if (token.number() != null) {
            return null;
        }
        String[] forms = token.forms();
        for (int i = 0; i < forms.length; i++) {
            String form = forms[i];
            if (i > 0 && forms[i - 1].length() == form.length() + 2 && forms[i - 1].startsWith(form)) {
                break; // what search's plural peeling left
            }
            if (token.hasArticle() && (form.startsWith("مئ") || form.startsWith("مائ"))) {
                return null; // المئة, بالمئة: the percent sign
            }
            if (form.equals("احد") || form.equals("احدي") || form.equals("حادي") || form.equals("حادية")) {
                return ONE_BEFORE_TEN;
            }
            Word word = WORDS.get(form);
            if (word != null) {
                return word;
            }
        }
        return null;
    }

    /**
     * Reads the number that starts at {@code from} (a number token or a number word), adding what
     * follows it (و + more words, عشر after a unit, a multiplier); answers the value and how many
     * tokens it took, or null when no number starts there.
     */
    static Read read(List<StoryText.Token> tokens, int from) {
        StoryText.Token start = tokens.get(from);
        BigDecimal opensWithShare = share(start);
        if (opensWithShare != null && multiplierAt(tokens, from + 1)) {
            BigDecimal value = opensWithShare.multiply(BigDecimal.valueOf(of(tokens.get(from + 1)).value())); // نصف مليون
            return new Read(value.stripTrailingZeros(), 2);
        }
        Word opening = of(start);
        if (start.number() == null && (opening == null || opening.kind() == Kind.PLURAL_MULTIPLIER
                || opening == ONE_BEFORE_TEN && !tenFollows(tokens, from))) {
            return null; // آلاف alone is "thousands of", أحد alone is "anyone"
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal current = start.number() == null ? BigDecimal.ZERO : start.number();
        int i = start.number() == null ? from : from + 1;
        BigDecimal lastMultiplier = null; // what a joined share after it is a share of (مليون ونصف)
        for (; i < tokens.size(); i++) {
            StoryText.Token token = tokens.get(i);
            Word word = of(token);
            boolean first = i == from;
            boolean joined = token.afterAnd();
            if (word == null && isQuarters(token) && !joined && current.signum() > 0 && current.compareTo(BigDecimal.TEN) < 0
                    && multiplierAt(tokens, i + 1)) {
                current = current.multiply(SHARES.get("ربع")); // ثلاثة أرباع مليون
                continue;
            }
            if (word == null && joined && lastMultiplier != null && share(token) != null) {
                total = total.add(lastMultiplier.multiply(share(token))); // مليون ونصف
                if (i + 1 < tokens.size() && tokens.get(i + 1).hasArticle() && of(tokens.get(i + 1)) != null
                        && of(tokens.get(i + 1)).value() == lastMultiplier.longValue()) {
                    i++; // مليون ونصف المليون
                }
                lastMultiplier = null;
                continue;
            }
            if (word == null) {
                break;
            }
            BigDecimal value = BigDecimal.valueOf(word.value());
            boolean small = current.signum() > 0 && current.compareTo(BigDecimal.TEN) < 0;
            if (word.kind() == Kind.TEN && (first || !joined && small)) {
                current = current.add(value); // عشرة, or the teens: خمسة عشر
            } else if (word.kind() == Kind.HUNDREDS && !joined && small && word.value() == 100) {
                current = current.multiply(value); // ثلاث مئة
            } else if (word.kind() == Kind.UNIT || word.kind() == Kind.TENS || word.kind() == Kind.HUNDREDS) {
                if (!first && !joined) {
                    break;
                }
                current = current.add(value);
            } else if (word.kind() == Kind.TEN) {
                break;
            } else if (first || joined) {
                if (!first && current.signum() > 0 || word.kind() == Kind.PLURAL_MULTIPLIER) {
                    break;
                }
                total = total.add(word.kind() == Kind.DUAL_MULTIPLIER ? value.add(value) : value); // ألف, مليوني
                lastMultiplier = word.kind() == Kind.MULTIPLIER ? value : null;
            } else {
                total = total.add((current.signum() == 0 ? BigDecimal.ONE : current).multiply(value)); // أحد عشر ألفا, 5.6 مليار
                current = BigDecimal.ZERO;
                lastMultiplier = word.kind() == Kind.MULTIPLIER ? value : null;
            }
        }
        BigDecimal number = total.add(current);
        return i == from || number.signum() == 0 ? null : new Read(number.stripTrailingZeros(), i - from);
    }

    private static boolean tenFollows(List<StoryText.Token> tokens, int at) {
        if (at + 1 >= tokens.size()) {
            return false;
        }
        Word next = of(tokens.get(at + 1));
        return next != null && next.kind() == Kind.TEN;
    }

    /** One read number: its value and the count of tokens it spans. */
    record Read(BigDecimal value, int length) {
    }
}
