package io.newsroom.story;

/**
 * Light stems and roots of Arabic words, so that two outlets' derived forms of one root meet:
 * حريق/احتراق, انفجار/تفجير/تفجر, قتل/مقتل/قتلى, أصيب/إصابة/مصاب, جنود/جندي. Input is a word in
 * search form with its clitics already peeled ({@code SearchText.forms}, last form).
 *
 * <p>Not a morphological analyser: the root is read off the common patterns of news verbs and
 * nouns (افتعال، انفعال، استفعال، تفعيل، تفاعل، مفعول، مفعل، فاعل، فعيل، فعول، فعلى، إفعال), and
 * weak letters are dropped from it so that hollow roots agree (أصيب، إصابة، مصاب → صب). Two
 * unrelated words can meet on one root; the weights of rare words over common ones, the synonym
 * list (which names a word before its root is looked at) and the conflicts keep that from joining
 * stories.
 */
final class ArabicRoots {

    private static final String[] PRONOUN_SUFFIXES = {"هما", "هم", "هن", "ها", "كم"};
    private static final String[] PLURAL_SUFFIXES = {"ات", "ون", "ين", "ان", "وا", "ية"};
    private static final String VERB_PREFIXES = "يتنا";

    private ArabicRoots() {
    }

    /** The word without pronoun, plural, feminine and accusative endings (at least two letters left). */
    static String stem(String word) {
        String s = word;
        for (String suffix : PRONOUN_SUFFIXES) {
            if (s.endsWith(suffix) && s.length() - suffix.length() >= 3) {
                s = s.substring(0, s.length() - suffix.length());
                if (s.endsWith("ت") && s.length() >= 4) {
                    s = s.substring(0, s.length() - 1); // the taa marbuta before a pronoun: سفارتها → سفار
                }
                break;
            }
        }
        for (String suffix : PLURAL_SUFFIXES) {
            if (s.endsWith(suffix) && s.length() - suffix.length() >= 3) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        if (s.endsWith("ة") && s.length() >= 3) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("ا") && s.length() >= 4) {
            s = s.substring(0, s.length() - 1); // tanween alef: مستودعا, قمرا
        } else if (s.endsWith("ت") && s.length() >= 5) {
            s = s.substring(0, s.length() - 1); // past tense, feminine: ارتفعت, انفجرت
        }
        return s;
    }

    /** The root of a stem (three letters or fewer, weak letters dropped); the stem itself when no pattern fits. */
    static String root(String stem) {
        String s = stem.replace('ئ', 'ا').replace('ؤ', 'ا').replace('ء', 'ا').replace('ى', 'ي');
        String root = switch (s.length()) {
            case 0, 1, 2, 3 -> s;
            case 4 -> ofFour(s);
            case 5 -> ofFive(s);
            case 6 -> ofSix(s);
            default -> ofSeven(s);
        };
        return root == null ? stem : weak(root);
    }

    private static String ofFour(String s) {
        if (s.charAt(1) == 'ا') {
            return pick(s, 0, 2, 3); // فاعل: قاتل
        }
        if (isLong(s.charAt(2))) {
            return VERB_PREFIXES.indexOf(s.charAt(0)) >= 0 || s.charAt(0) == 'م'
                    ? s.substring(1)  // مفال, يفول: مصاب, يقول
                    : pick(s, 0, 1, 3); // فعال, فعيل, فعول: قتال, قتيل, جنود
        }
        if (s.charAt(3) == 'ي') {
            return s.substring(0, 3); // فعلى and nisba: قتلى, جندي
        }
        if (VERB_PREFIXES.indexOf(s.charAt(0)) >= 0 || s.charAt(0) == 'م') {
            return s.substring(1); // مفعل, يفعل, تفعل, افعل: مقتل, مخزن, يقتل
        }
        return null;
    }

    private static String ofFive(String s) {
        char first = s.charAt(0);
        if (first == 'ا' && s.charAt(3) == 'ا') {
            return pick(s, 1, 2, 4); // إفعال: إعلان, إفراج, إنتاج
        }
        if ((first == 'ا' || first == 'م' || VERB_PREFIXES.indexOf(first) >= 0) && s.charAt(2) == 'ت') {
            return pick(s, 1, 3, 4); // افتعل, مفتعل, يفتعل: احترق, مختطف, يرتفع
        }
        if (first == 'ا' && s.charAt(1) == 'ن') {
            return s.substring(2); // انفعل: انفجر, انقلب
        }
        if (first == 'ت' && s.charAt(3) == 'ي') {
            return pick(s, 1, 2, 4); // تفعيل: تفجير, تدمير
        }
        if (first == 'م' && s.charAt(3) == 'و') {
            return pick(s, 1, 2, 4); // مفعول
        }
        if ((first == 'ت' || first == 'م') && s.charAt(2) == 'ا') {
            return pick(s, 1, 3, 4); // تفاعل, مفاعل: تبادل, مهاجر
        }
        if (VERB_PREFIXES.indexOf(first) >= 0 && s.charAt(1) == 'ت') {
            return s.substring(2); // يتفعل
        }
        if (s.charAt(4) == 'ي' || VERB_PREFIXES.indexOf(first) >= 0 || first == 'م') {
            String four = s.charAt(4) == 'ي' ? s.substring(0, 4) : s.substring(1);
            return ofFour(four);
        }
        return null;
    }

    private static String ofSix(String s) {
        if (s.startsWith("است") || s.startsWith("مست")) {
            return s.substring(3); // استفعل, مستفعل: استشهد, مستودع
        }
        if (s.charAt(0) == 'ا' && s.charAt(2) == 'ت' && s.charAt(4) == 'ا') {
            return pick(s, 1, 3, 5); // افتعال: احتراق, اختطاف, ارتفاع
        }
        if (s.charAt(0) == 'ا' && s.charAt(1) == 'ن' && s.charAt(4) == 'ا') {
            return pick(s, 2, 3, 5); // انفعال: انفجار, انقلاب, انهيار
        }
        if (VERB_PREFIXES.indexOf(s.charAt(0)) >= 0 && s.charAt(1) == 'ت' && s.charAt(3) == 'ا') {
            return pick(s, 2, 4, 5); // يتفاعل: يتراجع
        }
        if (s.charAt(5) == 'ي') {
            return ofFive(s.substring(0, 5));
        }
        return null;
    }

    private static String ofSeven(String s) {
        if (s.length() == 7 && s.startsWith("است") && s.charAt(5) == 'ا') {
            return pick(s, 3, 4, 6); // استفعال: استقبال, استئناف
        }
        return null;
    }

    private static boolean isLong(char c) {
        return c == 'ا' || c == 'و' || c == 'ي';
    }

    private static String pick(String s, int a, int b, int c) {
        return new String(new char[] {s.charAt(a), s.charAt(b), s.charAt(c)});
    }

    /** Alef dropped, and a middle waw or yeh, so that hollow roots agree (قال/يقول → قل). */
    private static String weak(String root) {
        String s = root.length() > 2 ? root.replace("ا", "") : root;
        if (s.length() == 3 && (s.charAt(1) == 'و' || s.charAt(1) == 'ي')) {
            s = s.substring(0, 1) + s.charAt(2);
        }
        return s.isEmpty() ? root : s;
    }
}
