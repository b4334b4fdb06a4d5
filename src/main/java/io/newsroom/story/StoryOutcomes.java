package io.newsroom.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a text says happened, one outcome of each kind (lexicon.txt's @first categories: change,
 * result, decision, office, balance, access, harm): the first word of that kind in the headline's
 * main clause, else in the lead, else in a circumstance (after بعد, وسط, مع, بسبب, في ظل...: "الطماطم
 * بعشرين جنيها وسط تراجع المعروض" tells no fall of prices). Also whether the headline tells the
 * event undone (postponed, failed, ...), and for a win or loss the other side it names.
 */
final class StoryOutcomes {

    private static final Set<String> CIRCUMSTANCE = Set.of("بعد", "بعدما", "وسط", "مع", "بسبب", "رغم", "عقب", "اثر", "جراء", "نتيجة", "لتفادي", "ظل");
    private static final Set<String> RESULT_OBJECT = Set.of("علي", "امام", "من", "ضد");
    /** How far after a win or loss its other side may be named: يتوج ببطولة العالم للإسكواش على حساب فرج. */
    private static final int RESULT_REACH = 6;
    private static final String RESULT = "result";
    /** Words that ask for what follows (يطالب بالإفراج, دعا إلى إطلاق سراح): it is not told as happened. */
    private static final Set<String> ASKING = Set.of("يطالب", "تطالب", "طالب", "طالبت", "طالبوا", "يطالبون", "مطالبا", "مطالبة", "المطالبة",
            "مطالبين", "يدعو", "تدعو", "دعا", "دعت", "دعوا", "يدعون", "داعيا", "يناشد", "تناشد", "ناشد", "ناشدت");

    private final StoryLexicon lexicon;
    private final Map<String, String> headline = new HashMap<>();
    private final Map<String, String> lead = new HashMap<>();
    private final Map<String, String> circumstance = new HashMap<>();
    private final Set<String> marked = new HashSet<>();
    /** Every outcome told anywhere ("harm:injured"). */
    private final Set<String> toldAnywhere = new HashSet<>();
    /** Those told as what happened, not as asked for (بالإفراج): for the one that ends another (lexicon.txt's @ends). */
    private final Set<String> toldAsHappened = new HashSet<>();
    private String counterpart;

    StoryOutcomes(StoryLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Reads one part's outcome words; {@code keys} are its tokens' comparable words. */
    void read(List<StoryText.Token> tokens, String[] keys, List<Phrases.Match<StoryLexicon.Slot>> slots, boolean inHeadline) {
        int circumstanceStarts = inHeadline ? circumstance(tokens) : 0;
        for (Phrases.Match<StoryLexicon.Slot> match : slots) {
            StoryLexicon.Slot slot = match.value();
            boolean aside = inHeadline ? match.start() >= circumstanceStarts : afterCircumstance(tokens, match.start());
            Map<String, String> told = aside ? circumstance : inHeadline ? headline : lead;
            toldAnywhere.add(slot.category() + ":" + slot.value());
            if (!governed(tokens, match.start())) {
                toldAsHappened.add(slot.category() + ":" + slot.value());
            }
            if (askedFor(tokens, match.start())) {
                continue; // يطالب بالإفراج عن موظفين اعتقلهم: the detention happened, the release is asked for
            }
            if (told.putIfAbsent(slot.category(), slot.value()) == null && inHeadline && !aside) {
                if (lexicon.markedOutcomes.contains(slot.category() + ":" + slot.value())) {
                    marked.add(slot.category());
                }
                if (slot.category().equals(RESULT)) {
                    counterpart = otherSide(tokens, keys, match.start() + match.length());
                }
            }
        }
    }

    /** One outcome of each kind told: the first, unless the text also tells one that ends it (a release ends a detention). */
    Map<String, String> outcomes() {
        Map<String, String> outcomes = new HashMap<>(headline);
        lead.forEach(outcomes::putIfAbsent);
        circumstance.forEach(outcomes::putIfAbsent);
        outcomes.replaceAll((category, value) -> {
            String ending = lexicon.endedBy.get(category + ":" + value);
            return ending != null && toldAsHappened.contains(category + ":" + ending) ? ending : value;
        });
        return outcomes;
    }

    /** Every outcome told anywhere, as "category:value". */
    Set<String> told() {
        return Set.copyOf(toldAnywhere);
    }

    /** The kinds whose outcome the headline tells as undone or denied. */
    Set<String> marked() {
        return Set.copyOf(marked);
    }

    /** The other side the headline's win or loss names (after على, أمام, على حساب), or null. */
    String counterpart() {
        return counterpart;
    }

    /**
     * Whether an outcome's word is the object of a preposition, as what is asked for or worked toward is told
     * ("طالبت بالإفراج عنه", "للإفراج عنهم", "بالإسراع في تحريره", "دعا إلى إطلاق سراحهم"), not what happened.
     */
    private static boolean governed(List<StoryText.Token> tokens, int at) {
        return prefixed(tokens.get(at), "ب") || prefixed(tokens.get(at), "ل")
                || at > 0 && (PREPOSITIONS.contains(tokens.get(at - 1).first()) || prefixed(tokens.get(at - 1), "ل")); // لتأمين الإفراج
    }

    /** Whether a word asking for something comes just before the outcome's word or one word earlier (دعا إلى إطلاق سراح). */
    private static boolean askedFor(List<StoryText.Token> tokens, int at) {
        for (int before = at - 1; before >= Math.max(0, at - 2); before--) {
            for (String form : tokens.get(before).forms()) {
                if (ASKING.contains(form)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a word is written with this clitic before it (بالإفراج, لتأمين), as search peels it. */
    private static boolean prefixed(StoryText.Token token, String clitic) {
        String first = token.first();
        return first.startsWith(clitic) && token.forms().length > 1 && token.forms()[1].equals(first.substring(clitic.length()));
    }

    private static final Set<String> PREPOSITIONS = Set.of("في", "الي", "علي", "من", "عن");

    /** Whether the word before is one that opens a circumstance ("بعد توقف دام عاما"). */
    private static boolean afterCircumstance(List<StoryText.Token> tokens, int at) {
        return at > 0 && opensCircumstance(tokens.get(at - 1));
    }

    /** Where a headline's circumstance begins (its length when none). */
    private static int circumstance(List<StoryText.Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (opensCircumstance(tokens.get(i))) {
                return i;
            }
        }
        return tokens.size();
    }

    private static boolean opensCircumstance(StoryText.Token token) {
        for (String form : token.forms()) {
            if (CIRCUMSTANCE.contains(form)) {
                return true;
            }
        }
        return false;
    }

    private static String otherSide(List<StoryText.Token> tokens, String[] keys, int from) {
        for (int i = from; i + 1 < tokens.size() && i < from + RESULT_REACH; i++) {
            for (String form : tokens.get(i).forms()) {
                if (RESULT_OBJECT.contains(form)) {
                    int side = i + 1;
                    while (side < tokens.size()
                            && (keys[side] == null || keys[side].equals(StoryLexicon.STOP) || tokens.get(side).last().equals("حساب"))) {
                        side++; // على حساب علي فرج: the name, not حساب nor a word that reads as a preposition
                    }
                    return side < tokens.size() ? keys[side] : null;
                }
            }
        }
        return null;
    }
}
