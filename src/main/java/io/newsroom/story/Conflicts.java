package io.newsroom.story;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts that make two texts different events however many words they share: another country or
 * city, another holder of one role, another figure for one count, another outcome, another subject.
 * Answers the first conflict as a reason ("city: damascus ≠ amman"), or null.
 */
final class Conflicts {

    /** Outcomes told from either side: "X beats Y" and "Y loses to X" are one match. */
    private static final Set<Set<String>> EITHER_SIDE = Set.of(Set.of("win", "lose"));
    private static final String RESULT = "result";
    /**
     * Outcomes that are parts of one toll: a text telling the dead first and one telling the injured first tell one
     * event when either names the other's too ("5 آلاف إصابة بينها 18 وفاة" / "18 وفاة و5000 إصابة").
     */
    private static final Set<String> PARTS_OF_ONE_TOLL = Set.of("harm");

    private Conflicts() {
    }

    static String first(StorySignature a, StorySignature b, Set<StorySignal> signals) {
        String found = first(a.facts(), b.facts(), signals, a.words(), b.words());
        if (found == null && signals.contains(StorySignal.CITIES)) {
            found = unknownPlaces(a, b);
        }
        return found;
    }

    private static String first(StorySignature.Facts a, StorySignature.Facts b, Set<StorySignal> signals, Set<String> wordsA, Set<String> wordsB) {
        String found = null;
        if (signals.contains(StorySignal.COUNTRIES)) {
            boolean neitherHeadline = a.headlineCountries().isEmpty() && b.headlineCountries().isEmpty();
            found = whereEach("country", a.countries(), neitherHeadline ? a.countries() : a.headlineCountries(), b.countries(),
                    neitherHeadline ? b.countries() : b.headlineCountries());
        }
        if (found == null && signals.contains(StorySignal.CITIES)) {
            // places no list knows are left to unknownPlaces(), which looks for their word in the other text
            found = whereEach("place", known(a.places()), known(orAll(a.headlinePlaces(), a.places())), known(b.places()),
                    known(orAll(b.headlinePlaces(), b.places())));
        }
        if (found == null && signals.contains(StorySignal.ACTORS)) {
            found = actors(a, b);
        }
        if (found == null && signals.contains(StorySignal.ACTORS)) {
            found = subjects(a, b);
        }
        if (found == null && signals.contains(StorySignal.COUNTS)) {
            found = counts(a, b, wordsA, wordsB);
        }
        if (found == null && signals.contains(StorySignal.OUTCOMES)) {
            found = outcome(a, b);
        }
        if (found == null && signals.contains(StorySignal.OUTCOMES)) {
            found = markedOnOneSide(a, b);
        }
        if (found == null && signals.contains(StorySignal.TOPICS)) {
            found = inOneSlot("", a.topics(), b.topics(), false);
        }
        return found;
    }

    /**
     * Each text's main places (its headline's) include one the other text does not name at all: a
     * place named in passing in a lead ("مرتبطة بإسرائيل", "هيئة بريطانية") does not make two
     * tellings of one event different. Countries count from the leads only when neither headline
     * names one; cities from a lead when its own headline names none.
     */
    private static String whereEach(String what, Set<String> allA, Set<String> mainA, Set<String> allB, Set<String> mainB) {
        Set<String> onlyA = new HashSet<>(mainA);
        onlyA.removeAll(allB);
        Set<String> onlyB = new HashSet<>(mainB);
        onlyB.removeAll(allA);
        return onlyA.isEmpty() || onlyB.isEmpty() ? null : what + ": " + join(onlyA) + " ≠ " + join(onlyB);
    }

    private static Set<String> known(Set<String> places) {
        Set<String> known = new HashSet<>(places);
        known.removeIf(place -> place.startsWith(StoryReading.UNKNOWN_PLACE));
        return known;
    }

    /** A headline without places leaves its lead's as the main ones. */
    private static Set<String> orAll(Set<String> headline, Set<String> all) {
        return headline.isEmpty() ? all : headline;
    }

    /**
     * Headlines opening with two bodies that act (الحكومة تقر / البرلمان يقر), or with two countries
     * ("إسبانيا تعترف", "النرويج تعترف") each absent from the other headline: two actors doing one
     * thing. A match told from either side names both countries ("السعودية تفوز على الأرجنتين",
     * "الأرجنتين تسقط أمام السعودية").
     */
    private static String subjects(StorySignature.Facts a, StorySignature.Facts b) {
        if (a.subjectIsBody() && b.subjectIsBody() && !a.subject().equals(b.subject())) {
            return "subject: " + a.subject() + " ≠ " + b.subject(); // الحكومة تقر / البرلمان يقر
        }
        String countryA = a.subjectCountry();
        String countryB = b.subjectCountry();
        if (countryA == null || countryB == null || countryA.equals(countryB)
                || a.headlineCountries().contains(countryB) && b.headlineCountries().contains(countryA)) {
            return null;
        }
        return "subject: " + countryA + " ≠ " + countryB;
    }

    /**
     * One role held, by each headline's telling, by a country the other text never gives it: in a
     * lead a role word reaches its holder less surely (رئيس الدبلوماسية الإيطالية is no president),
     * so a lead's holders answer a headline's but raise no conflict of their own.
     */
    private static String actors(StorySignature.Facts a, StorySignature.Facts b) {
        for (Map.Entry<String, Set<String>> role : a.headlineActors().entrySet()) {
            Set<String> mainB = b.headlineActors().get(role.getKey());
            Set<String> allB = b.actors().get(role.getKey());
            if (mainB == null || allB == null) {
                continue;
            }
            Set<String> onlyA = new HashSet<>(role.getValue());
            onlyA.removeAll(allB);
            Set<String> onlyB = new HashSet<>(mainB);
            onlyB.removeAll(a.actors().getOrDefault(role.getKey(), Set.of()));
            if (!onlyA.isEmpty() && !onlyB.isEmpty()) {
                return "actor " + role.getKey() + ": " + join(onlyA) + " ≠ " + join(onlyB);
            }
        }
        return null;
    }

    /**
     * Each side names something the other does not ("السورية" against "الليبية"); one side naming
     * more than the other ("روسيا" against "روسيا والصين") is no conflict.
     */
    private static <T> String eachNamesAnother(String what, Set<T> a, Set<T> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        Set<T> onlyA = new HashSet<>(a);
        onlyA.removeAll(b);
        Set<T> onlyB = new HashSet<>(b);
        onlyB.removeAll(a);
        return onlyA.isEmpty() || onlyB.isEmpty() ? null : what + ": " + join(onlyA) + " ≠ " + join(onlyB);
    }

    /**
     * The first slot both sides fill in conflicting ways: each naming something the other does not,
     * or, for figures ({@code disjoint}), no figure in common (a toll told as "5, then 7" by one
     * outlet and "7" by the other is one toll).
     */
    private static <T> String inOneSlot(String what, Map<String, Set<T>> a, Map<String, Set<T>> b, boolean disjoint) {
        for (Map.Entry<String, Set<T>> slot : a.entrySet()) {
            Set<T> other = b.get(slot.getKey());
            if (other == null) {
                continue;
            }
            if (disjoint) {
                Set<T> shared = new HashSet<>(slot.getValue());
                shared.retainAll(other);
                if (shared.isEmpty()) {
                    return what + slot.getKey() + ": " + join(slot.getValue()) + " ≠ " + join(other);
                }
            } else {
                String found = eachNamesAnother(what + slot.getKey(), slot.getValue(), other);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The first thing both texts count with figures that cannot be one telling: none of one side's
     * figures for it is any of the other's, and neither text gives the other's figure anywhere else
     * (a cholera toll of 120 beside 3000 cases, told as 120 deaths of 3000 cases the other way round,
     * is one toll). Figures agree when one is the other rounded (56 and 56.12 percent), and a year
     * (2008) is no count of years (منذ 16 عاما): only years are weighed against years.
     */
    private static String counts(StorySignature.Facts a, StorySignature.Facts b, Set<String> wordsA, Set<String> wordsB) {
        Set<BigDecimal> figuresA = null; // every figure of a text, read only when a slot's figures differ
        Set<BigDecimal> figuresB = null;
        for (Map.Entry<String, Set<BigDecimal>> slot : a.counts().entrySet()) {
            Set<BigDecimal> other = b.counts().get(slot.getKey());
            if (other == null || !noneIn(slot.getValue(), other, a.nearFigures(), b.nearFigures())) {
                continue;
            }
            for (boolean years : new boolean[] {false, true}) {
                Set<BigDecimal> ofA = ofKind(slot.getValue(), years);
                Set<BigDecimal> ofB = ofKind(other, years);
                if (ofA.isEmpty() || ofB.isEmpty()) {
                    continue;
                }
                figuresA = figuresA == null ? figures(wordsA) : figuresA;
                figuresB = figuresB == null ? figures(wordsB) : figuresB;
                if (noneIn(ofA, figuresB, a.nearFigures(), b.nearFigures()) && noneIn(ofB, figuresA, b.nearFigures(), a.nearFigures())) {
                    return "count " + slot.getKey() + ": " + join(slot.getValue()) + " ≠ " + join(other);
                }
            }
        }
        return null;
    }

    /** The figures that are years (a whole number from 1900 to 2100), or those that are not. */
    private static Set<BigDecimal> ofKind(Set<BigDecimal> figures, boolean years) {
        Set<BigDecimal> kind = new HashSet<>();
        for (BigDecimal figure : figures) {
            if (isYear(figure) == years) {
                kind.add(figure);
            }
        }
        return kind;
    }

    private static boolean isYear(BigDecimal figure) {
        return figure.signum() > 0 && figure.stripTrailingZeros().scale() <= 0 && figure.compareTo(FIRST_YEAR) >= 0 && figure.compareTo(LAST_YEAR) <= 0;
    }

    private static final BigDecimal FIRST_YEAR = BigDecimal.valueOf(1900);
    private static final BigDecimal LAST_YEAR = BigDecimal.valueOf(2100);

    /** Every figure a text gives, by its words ("#15"). */
    private static Set<BigDecimal> figures(Set<String> words) {
        Set<BigDecimal> figures = new HashSet<>();
        for (String word : words) {
            if (word.startsWith("#")) {
                try {
                    figures.add(new BigDecimal(word.substring(1)));
                } catch (NumberFormatException notAFigure) {
                    // a word that only starts like a figure
                }
            }
        }
        return figures;
    }

    /**
     * Whether no figure of {@code these} agrees with one of {@code those}, a figure given as near ({@code nearThese},
     * {@code nearThose}: نحو 880, أكثر من 800) agreeing with any within {@link #NEAR} of it.
     */
    private static boolean noneIn(Set<BigDecimal> these, Set<BigDecimal> those, Set<BigDecimal> nearThese, Set<BigDecimal> nearThose) {
        for (BigDecimal x : these) {
            for (BigDecimal y : those) {
                if (agree(x, y) || (nearThese.contains(x) || nearThose.contains(y)) && near(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * How far apart, as a share of the larger, a near figure and another may be and tell one count: أكثر من 800 and 887
     * (a fifth made نحو 35 and نحو 40 مليون يورو, two clubs' transfers, one count).
     */
    private static final BigDecimal NEAR = new BigDecimal("0.1");

    private static boolean near(BigDecimal x, BigDecimal y) {
        BigDecimal larger = x.max(y);
        return larger.signum() > 0 && x.subtract(y).abs().compareTo(larger.multiply(NEAR)) <= 0;
    }

    /** Equal, or one is the other rounded to its own precision: 56 and 56.12, 5.8 and 5.83 (not 5.8 and 5.9). */
    static boolean agree(BigDecimal x, BigDecimal y) {
        if (x.compareTo(y) == 0) {
            return true;
        }
        int coarser = Math.max(0, Math.min(x.stripTrailingZeros().scale(), y.stripTrailingZeros().scale()));
        return x.subtract(y).abs().compareTo(BigDecimal.ONE.movePointLeft(coarser)) < 0;
    }

    /**
     * Another outcome of one kind. A win and a loss may be one match told from either side ("X beats
     * Y", "Y loses to X"): they conflict when told of one side (the headlines open with the same
     * word), or when the other side each headline names after على/أمام is not the one the other
     * headline opens with. Two wins where one's winner is the other's beaten side ("عسل يتوج على
     * حساب فرج") are two matches.
     */
    private static String outcome(StorySignature.Facts a, StorySignature.Facts b) {
        for (Map.Entry<String, String> outcome : a.outcomes().entrySet()) {
            String other = b.outcomes().get(outcome.getKey());
            if (other == null) {
                continue;
            }
            boolean sameSubject = a.subject() != null && a.subject().equals(b.subject());
            if (other.equals(outcome.getValue())) {
                boolean result = outcome.getKey().equals(RESULT);
                if (result && !sameSubject && a.subject() != null && b.subject() != null
                        && (a.subject().equals(b.counterpart()) || b.subject().equals(a.counterpart()))) {
                    return "winner: " + a.subject() + " ≠ " + b.subject(); // one's winner is the other's beaten side
                }
                continue;
            }
            if (PARTS_OF_ONE_TOLL.contains(outcome.getKey())
                    && (b.toldOutcomes().contains(outcome.getKey() + ":" + outcome.getValue()) || a.toldOutcomes().contains(outcome.getKey() + ":" + other))) {
                continue;
            }
            if (!EITHER_SIDE.contains(Set.of(outcome.getValue(), other)) || sameSubject || !toldFromEitherSide(a, b)) {
                return outcome.getKey() + ": " + outcome.getValue() + " ≠ " + other;
            }
        }
        return null;
    }

    /** Whether a win and a loss name each other's sides, as far as the headlines say who the other side was. */
    private static boolean toldFromEitherSide(StorySignature.Facts a, StorySignature.Facts b) {
        if (a.counterpart() == null || b.counterpart() == null) {
            return true; // no على/أمام to go by: two different headline openers are taken for the two sides
        }
        return a.counterpart().equals(b.subject()) || b.counterpart().equals(a.subject());
    }

    /**
     * A headline telling an outcome that undoes or denies the event (postponed, failed, rejected,
     * cancelled, denied) against a text that tells no outcome of that kind: "إطلاق القمر" and
     * "تأجيل إطلاق القمر" are not one story.
     */
    private static String markedOnOneSide(StorySignature.Facts a, StorySignature.Facts b) {
        for (StorySignature.Facts[] pair : List.of(new StorySignature.Facts[] {a, b}, new StorySignature.Facts[] {b, a})) {
            for (String category : pair[0].markedOutcomes()) {
                if (!pair[1].outcomes().containsKey(category)) {
                    return category + ": " + pair[0].outcomes().get(category) + " on one side only";
                }
            }
        }
        return null;
    }

    /**
     * Places no list knows (the word after مدينة, بلدة, حي...): each text's main one is a word the other
     * text does not use at all, while the other names a place of its own.
     */
    private static String unknownPlaces(StorySignature a, StorySignature b) {
        Set<String> mainA = orAll(a.facts().headlinePlaces(), a.facts().places());
        Set<String> mainB = orAll(b.facts().headlinePlaces(), b.facts().places());
        String onlyA = absentFrom(mainA, b);
        String onlyB = absentFrom(mainB, a);
        boolean unknown = onlyA != null && onlyA.startsWith(StoryReading.UNKNOWN_PLACE) || onlyB != null && onlyB.startsWith(StoryReading.UNKNOWN_PLACE);
        return onlyA != null && onlyB != null && unknown ? "place: " + onlyA + " ≠ " + onlyB : null;
    }

    /** A place of {@code main} the other text neither names nor uses the word of, or null. */
    private static String absentFrom(Set<String> main, StorySignature other) {
        for (String place : main) {
            boolean present = other.facts().places().contains(place) || place.startsWith(StoryReading.UNKNOWN_PLACE)
                    && other.words().contains(place.substring(StoryReading.UNKNOWN_PLACE.length()));
            if (!present) {
                return place;
            }
        }
        return null;
    }

    private static <T> String join(Set<T> values) {
        return String.join("/", values.stream().map(v -> v instanceof java.math.BigDecimal n ? n.toPlainString() : String.valueOf(v)).sorted().toList());
    }
}
