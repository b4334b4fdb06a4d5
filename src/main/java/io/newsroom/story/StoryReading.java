package io.newsroom.story;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a headline and its lead into a {@link StorySignature}. Each word becomes one comparable
 * word: a place by its country or city ("@EG", "@aden": مصر, المصرية and مصريون are one), a number
 * by its value ("#15"), a synonym by its group ("~quake": زلزال, هزة أرضية), any other word by its
 * root (احتراق and حريق are حرق). Beside the words it collects the facts that tell events apart.
 */
final class StoryReading {

    private static final String STOP = StoryLexicon.STOP;
    private static final String COUNTERPART = "counterpart";
    /** How far after a role its holder's country may follow: وزير الخارجية وشؤون المغتربين الأردني. */
    private static final int ROLE_REACH = 3;

    private final StoryLexicon lexicon;
    private final Set<StorySignal> signals;
    private final Set<String> words = new HashSet<>();
    private final List<String> headlineWords = new ArrayList<>();
    private final Set<String> countries = new HashSet<>();
    private final Set<String> headlineCountries = new HashSet<>();
    private final Set<String> places = new HashSet<>();
    private final Set<String> headlinePlaces = new HashSet<>();
    private final Map<String, Set<String>> actors = new HashMap<>();
    private final Map<String, Set<BigDecimal>> counts = new HashMap<>();
    private final Map<String, Set<String>> topics = new HashMap<>();
    private final Map<String, String> outcomes = new HashMap<>();
    private final Map<String, String> leadOutcomes = new HashMap<>();
    private String subject;
    private String subjectCountry;

    private StoryReading(StoryLexicon lexicon, Set<StorySignal> signals) {
        this.lexicon = lexicon;
        this.signals = signals;
    }

    static StorySignature read(String headline, List<String> lead, StoryLexicon lexicon, Set<StorySignal> signals) {
        StoryReading reading = new StoryReading(lexicon, signals);
        reading.part(StoryText.tokens(headline, signals.contains(StorySignal.NUMBERS)), true);
        if (signals.contains(StorySignal.LEAD)) {
            for (String part : lead) {
                List<StoryText.Token> tokens = StoryText.tokens(part, signals.contains(StorySignal.NUMBERS));
                reading.part(tokens.subList(0, Math.min(tokens.size(), StorySignature.LEAD_WORDS)), false);
            }
        }
        reading.leadOutcomes.forEach(reading.outcomes::putIfAbsent);
        if (reading.counts.containsKey("~killed") || reading.counts.containsKey("~injured")) {
            reading.topics.computeIfAbsent("casualties", k -> new HashSet<>()).add("some"); // against "دون إصابات"
        }
        return new StorySignature(Set.copyOf(reading.words), new StorySignature.Facts(Set.copyOf(reading.countries),
                Set.copyOf(reading.headlineCountries), Set.copyOf(reading.places), Set.copyOf(reading.headlinePlaces), reading.actors,
                reading.counts, reading.topics, reading.outcomes, reading.subject, List.copyOf(reading.headlineWords), reading.subjectCountry));
    }

    private void part(List<StoryText.Token> tokens, boolean headline) {
        String[] keys = new String[tokens.size()];
        Set<Integer> inPlaces = placesAndTheirKeys(tokens, keys, headline);
        if (signals.contains(StorySignal.SYNONYMS)) {
            for (Phrases.Match<String> match : lexicon.synonyms.find(tokens)) {
                for (int i = match.start(); i < match.start() + match.length(); i++) {
                    if (keys[i] == null) {
                        keys[i] = match.value();
                    }
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (keys[i] == null) {
                keys[i] = key(tokens.get(i));
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !keys[i].equals(STOP)) {
                words.add(keys[i]);
                if (headline) {
                    headlineWords.add(keys[i]);
                }
                if (headline && subject == null) {
                    subject = keys[i];
                    subjectCountry = inPlaces.contains(i) ? countryAt(tokens, i) : null;
                }
            }
        }
        actors(tokens, inPlaces);
        counts(tokens, keys);
        slots(tokens, headline);
    }

    /** The comparable word of a token no list named. */
    private String key(StoryText.Token token) {
        if (token.number() != null) {
            return "#" + token.number().toPlainString();
        }
        if (signals.contains(StorySignal.SYNONYMS)) {
            String group = lexicon.groupOfRoot(token.root());
            if (group != null) {
                return group;
            }
        }
        if (token.key().length() <= 2) {
            return null; // what is left of a particle or a clitic
        }
        String key = signals.contains(StorySignal.ROOTS) ? token.root() : token.stem();
        return key.length() < 2 ? null : key;
    }

    /**
     * Places become one word each ("@EG", and a city says its country too: الحسيمة and المغرب agree)
     * and facts: countries, cities with their regions, and places no list knows, by the word that
     * follows a place noun (مدينة سنجة, بلدة سرمدا, مخيم الهول).
     */
    private Set<Integer> placesAndTheirKeys(List<StoryText.Token> tokens, String[] keys, boolean headline) {
        Set<Integer> starts = new HashSet<>();
        for (Phrases.Match<StoryLexicon.Place> match : lexicon.places.find(tokens)) {
            StoryLexicon.Place place = match.value();
            String key = place.key();
            for (int i = match.start(); i < match.start() + match.length(); i++) {
                keys[i] = key;
            }
            starts.add(match.start());
            if (place.country() != null) {
                add(countries, headline ? headlineCountries : null, place.country());
                words.add(place.countryKey());
            }
            if (place.kind() != StoryLexicon.Place.Kind.COUNTRY) {
                add(places, headline ? headlinePlaces : null, place.id());
                if (place.region() != null) {
                    add(places, headline ? headlinePlaces : null, place.region());
                }
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (keys[i] == null && keys[i + 1] == null && isPlaceNoun(tokens.get(i)) && isPlaceName(tokens.get(i + 1))) {
                add(places, headline ? headlinePlaces : null, "?" + tokens.get(i + 1).key());
            }
        }
        return starts;
    }

    private static void add(Set<String> all, Set<String> alsoTo, String value) {
        all.add(value);
        if (alsoTo != null) {
            alsoTo.add(value);
        }
    }

    private String countryAt(List<StoryText.Token> tokens, int at) {
        List<Phrases.Match<StoryLexicon.Place>> found = lexicon.places.find(tokens.subList(at, tokens.size()));
        return found.isEmpty() || found.get(0).start() != 0 ? null : found.get(0).value().country();
    }

    /** A place noun without its article, as it stands before a name (مدينة كركوك; not المنطقة الصناعية). */
    private boolean isPlaceNoun(StoryText.Token token) {
        if (token.hasArticle()) {
            return false;
        }
        for (String form : token.forms()) {
            if (PLACE_NOUNS.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word that names the place before it: with the article or bare, but not behind a preposition
     * (مخيم للنازحين) and not an adjective (منطقة جبلية, حي سكني).
     */
    private boolean isPlaceName(StoryText.Token token) {
        String first = token.first();
        boolean preposition = !first.startsWith("ال") && (first.startsWith("ب") || first.startsWith("ل") || first.startsWith("ك"))
                && token.forms().length > 1;
        boolean adjective = !first.startsWith("ال") && (first.endsWith("ية") || first.endsWith("ي"));
        return token.number() == null && !preposition && !adjective && !STOP.equals(lexicon.synonyms.of(token)) && token.key().length() > 2;
    }

    private static final Set<String> PLACE_NOUNS = Set.of("مدينة", "بلدة", "قرية", "حي", "منطقة", "محافظة", "ولاية", "اقليم", "مديرية",
            "ناحية", "قضاء", "مخيم", "جزيرة", "مقاطعة", "قرى", "مدن", "بلدات");

    /** The countries named just after a role: its holders (أمير قطر, وزير الخارجية الأردني, نظيره التركي). */
    private void actors(List<StoryText.Token> tokens, Set<Integer> placeStarts) {
        List<Phrases.Match<String>> roles = lexicon.roles.find(tokens);
        Set<Integer> roleStarts = new HashSet<>();
        roles.forEach(role -> roleStarts.add(role.start()));
        String previous = null;
        for (Phrases.Match<String> role : roles) {
            String name = role.value().equals(COUNTERPART) ? previous : role.value();
            previous = name;
            if (name == null) {
                continue;
            }
            int end = role.start() + role.length();
            for (int i = end; i < Math.min(tokens.size(), end + ROLE_REACH) && !roleStarts.contains(i) && !isStop(tokens.get(i)); i++) {
                if (placeStarts.contains(i)) {
                    StoryLexicon.Place place = lexicon.places.find(tokens.subList(i, tokens.size())).get(0).value();
                    if (place.kind() == StoryLexicon.Place.Kind.COUNTRY) {
                        actors.computeIfAbsent(name, k -> new HashSet<>()).add(place.country());
                    }
                }
            }
        }
    }

    /** Each figure with the words beside it, which say what it counts (5 قتلى, مقتل 5, بقوة 5.8 درجة). */
    private void counts(List<StoryText.Token> tokens, String[] keys) {
        for (int i = 0; i < tokens.size(); i++) {
            StoryText.Token token = tokens.get(i);
            if (token.number() == null) {
                continue;
            }
            // the word before, unless the figure opens a clause of its own (3 قتلى و15 مصابا)
            if (i > 0 && !token.afterAnd() && countable(tokens.get(i - 1), keys[i - 1])) {
                counts.computeIfAbsent(keys[i - 1], k -> new HashSet<>()).add(token.number());
            }
            // the word after, unless it opens a clause of its own (مقتل 4 وإصابة 7)
            if (i + 1 < tokens.size() && !tokens.get(i + 1).afterAnd() && countable(tokens.get(i + 1), keys[i + 1])) {
                counts.computeIfAbsent(keys[i + 1], k -> new HashSet<>()).add(token.number());
            }
        }
    }

    private static boolean countable(StoryText.Token token, String key) {
        return token.number() == null && key != null && !key.equals(STOP);
    }

    private boolean isStop(StoryText.Token token) {
        String group = lexicon.synonyms.of(token);
        return STOP.equals(group);
    }

    /** Topics by category; outcomes by their first word, the headline's before the lead's. */
    private void slots(List<StoryText.Token> tokens, boolean headline) {
        for (Phrases.Match<StoryLexicon.Slot> match : lexicon.slots.find(tokens)) {
            StoryLexicon.Slot slot = match.value();
            if (slot.category().equals(STOP)) {
                continue;
            }
            if (lexicon.firstMentionCategories.contains(slot.category())) {
                (headline ? outcomes : leadOutcomes).putIfAbsent(slot.category(), slot.value());
            } else {
                topics.computeIfAbsent(slot.category(), k -> new HashSet<>()).add(slot.value());
            }
        }
    }
}
