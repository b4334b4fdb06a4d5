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
    /** How a place no list knows is named among the places: "?" and its word (Conflicts looks for the word in the other text). */
    static final String UNKNOWN_PLACE = "?";
    private static final String COUNTERPART = "counterpart";
    /** How far after a role its holder's country may follow: وزير الخارجية وشؤون المغتربين الأردني. */
    private static final int ROLE_REACH = 3;

    private final StoryLexicon lexicon;
    private final Set<StorySignal> signals;
    private final Set<String> words = new HashSet<>();
    private final List<String> headlineWords = new ArrayList<>();
    private final Map<String, String> spellings = new HashMap<>();
    private final Set<String> headlineEvents = new HashSet<>();
    private final Set<String> countries = new HashSet<>();
    private final Set<String> headlineCountries = new HashSet<>();
    private final Set<String> places = new HashSet<>();
    private final Set<String> headlinePlaces = new HashSet<>();
    private final Map<String, Set<String>> actors = new HashMap<>();
    private final Map<String, Set<String>> headlineActors = new HashMap<>();
    private final Map<String, Set<BigDecimal>> counts = new HashMap<>();
    private final Set<BigDecimal> nearFigures = new HashSet<>();
    private final Map<String, Set<String>> topics = new HashMap<>();
    private final StoryOutcomes outcomes;
    private String subject;
    private boolean headlineNamesACity;
    private boolean subjectInstitution;
    private String subjectCountry;

    private StoryReading(StoryLexicon lexicon, Set<StorySignal> signals) {
        this.lexicon = lexicon;
        this.signals = signals;
        this.outcomes = new StoryOutcomes(lexicon);
    }

    static StorySignature read(String headline, List<String> lead, StoryLexicon lexicon, Set<StorySignal> signals) {
        StoryReading reading = new StoryReading(lexicon, signals);
        String dateline = dateline(headline, lexicon);
        if (dateline != null) {
            // "أنقرة: مقتل جنديين..." is where the news came from, not where it happened: its words count, not its place
            reading.part(StoryText.tokens(dateline, signals.contains(StorySignal.NUMBERS)), true, false);
            headline = headline.substring(headline.indexOf(':') + 1);
        }
        reading.part(StoryText.tokens(headline, signals.contains(StorySignal.NUMBERS)), true, true);
        if (signals.contains(StorySignal.LEAD)) {
            for (String part : lead) {
                String leadDateline = leadDateline(part);
                if (leadDateline != null) {
                    // "جنيف - أعلنت منظمة الصحة..." : the city the agency wrote from, not where it happened
                    reading.part(StoryText.tokens(leadDateline, signals.contains(StorySignal.NUMBERS)), false, false);
                    part = part.substring(leadDateline.length());
                }
                List<StoryText.Token> tokens = StoryText.tokens(part, signals.contains(StorySignal.NUMBERS));
                reading.part(tokens.subList(0, Math.min(tokens.size(), StorySignature.LEAD_WORDS)), false, true);
            }
        }
        if (!reading.headlineNamesACity) {
            reading.headlinePlaces.addAll(reading.places); // a headline naming only a region (دارفور) leaves the cities to the lead
        }
        if (reading.counts.containsKey("~killed") || reading.counts.containsKey("~injured")) {
            reading.topics.computeIfAbsent("casualties", k -> new HashSet<>()).add("some"); // against "دون إصابات"
        }
        return new StorySignature(Set.copyOf(reading.words), Set.copyOf(reading.headlineWords), new StorySignature.Facts(Set.copyOf(reading.countries),
                Set.copyOf(reading.headlineCountries), Set.copyOf(reading.places), Set.copyOf(reading.headlinePlaces), reading.actors, reading.headlineActors,
                reading.counts, Set.copyOf(reading.nearFigures), reading.topics, reading.outcomes.outcomes(), reading.outcomes.told(),
                reading.outcomes.marked(), reading.subject, reading.subjectInstitution, reading.outcomes.counterpart(),
                List.copyOf(reading.headlineWords), reading.subjectCountry, Set.copyOf(reading.headlineEvents)), Map.copyOf(reading.spellings));
    }

    /** A city alone before a colon opening the headline ("أنقرة: ..."), or null. */
    private static String dateline(String headline, StoryLexicon lexicon) {
        int colon = headline == null ? -1 : headline.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String before = headline.substring(0, colon);
        List<StoryText.Token> tokens = StoryText.tokens(before, true);
        List<Phrases.Match<StoryLexicon.Place>> places = lexicon.places.find(tokens);
        boolean city = places.size() == 1 && places.get(0).length() == tokens.size()
                && places.get(0).value().kind() == StoryLexicon.Place.Kind.CITY;
        return city ? before : null;
    }

    /** How far into a lead its dateline's dash may stand: a city, or two, and an agency in brackets. */
    private static final int DATELINE_WORDS = 4;

    /**
     * The dateline opening a lead, up to and with its dash ("جنيف - ", "الرباط (رويترز) - "), or null:
     * a few words before a dash set apart by spaces, at the start of the lead.
     */
    static String leadDateline(String lead) {
        if (lead == null) {
            return null;
        }
        int words = 1;
        for (int i = 0; i < lead.length() && words <= DATELINE_WORDS + 1; i++) {
            char c = lead.charAt(i);
            if ((c == '-' || c == '\u2013' || c == '\u2014') && i > 0 && lead.charAt(i - 1) == ' ' && i + 1 < lead.length()
                    && lead.charAt(i + 1) == ' ') {
                return lead.substring(0, i).isBlank() ? null : lead.substring(0, i + 1);
            }
            if (c == ' ' && i > 0 && lead.charAt(i - 1) != ' ') {
                words++;
            }
        }
        return null;
    }

    private void part(List<StoryText.Token> tokens, boolean headline, boolean facts) {
        String[] keys = new String[tokens.size()];
        Set<Integer> inPlaces = placesAndTheirKeys(tokens, keys, headline, facts);
        if (!facts) {
            for (String key : keys) {
                if (key != null) {
                    words.add(key);
                }
            }
            return;
        }
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
                if (signals.contains(StorySignal.SPELLINGS) && tokens.get(i).number() == null) {
                    spellings.putIfAbsent(tokens.get(i).key(), keys[i]);
                }
                if (headline) {
                    headlineWords.add(keys[i]);
                    if (lexicon.events.contains(keys[i])) {
                        headlineEvents.add(keys[i]);
                    }
                }
                if (headline && subject == null) {
                    subject = keys[i];
                    subjectInstitution = lexicon.institutions.contains(keys[i]);
                    subjectCountry = inPlaces.contains(i) ? countryAt(tokens, i) : null;
                }
            }
        }
        actors(tokens, inPlaces, headline);
        counts(tokens, keys);
        slots(tokens, keys, headline);
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
    private Set<Integer> placesAndTheirKeys(List<StoryText.Token> tokens, String[] keys, boolean headline, boolean facts) {
        Set<Integer> starts = new HashSet<>();
        int partyEnd = -1; // where the last place naming a party ends: بين صنعاء وعدن ومأرب names three
        for (Phrases.Match<StoryLexicon.Place> match : lexicon.places.find(tokens)) {
            StoryLexicon.Place place = match.value();
            if (place.kind() == StoryLexicon.Place.Kind.CITY && match.length() == 1 && !lexicon.places.startsByForm(tokens.get(match.start()))) {
                continue; // a city is a name: الرياضية (sports) is no adjective of الرياض, as المصرية is of مصر
            }
            String key = place.key();
            for (int i = match.start(); i < match.start() + match.length(); i++) {
                keys[i] = key;
            }
            starts.add(match.start());
            if (place.country() != null) {
                words.add(place.countryKey());
            }
            if (!facts) {
                continue;
            }
            if (place.country() != null) {
                add(countries, headline ? headlineCountries : null, place.country());
            }
            boolean party = namesAParty(tokens, match.start()) || tokens.get(match.start()).afterAnd() && match.start() == partyEnd;
            partyEnd = party ? match.start() + match.length() : -1;
            if (place.kind() != StoryLexicon.Place.Kind.COUNTRY && !party) {
                headlineNamesACity |= headline && place.kind() == StoryLexicon.Place.Kind.CITY;
                add(places, headline ? headlinePlaces : null, place.id());
                if (place.region() != null) {
                    add(places, headline ? headlinePlaces : null, place.region());
                }
            }
        }
        for (int i = 0; facts && i + 1 < tokens.size(); i++) {
            if (keys[i] == null && keys[i + 1] == null && isPlaceNoun(tokens.get(i)) && isPlaceName(tokens.get(i + 1))) {
                String name = key(tokens.get(i + 1));
                if (name != null) {
                    headlineNamesACity |= headline;
                    add(places, headline ? headlinePlaces : null, UNKNOWN_PLACE + name);
                }
            }
        }
        return starts;
    }

    /**
     * Whether the place at {@code at} names a party rather than where it happened: after بين (اتفاق بين الخرطوم
     * والجبهة الثورية, signed in Juba; رحلات بين صنعاء وعدن), or a word for the ones who act for it or between
     * (حركات دارفور, وفد صنعاء, بوساطة أبوظبي); the places joined to it by و are parties too.
     */
    private static boolean namesAParty(List<StoryText.Token> tokens, int at) {
        if (at == 0) {
            return false;
        }
        for (String form : tokens.get(at - 1).forms()) {
            if (PARTIES.contains(form)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> PARTIES = Set.of("بين", "حركات", "حركة", "فصائل", "فصيل", "جماعات", "وفد", "وفدا", "وفدي", "ممثلي", "وساطة");

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
     * A word that names the place before it: with the article or bare, but not a preposition with
     * the article (مخيم للنازحين), not an adjective (منطقة جبلية, حي سكني), and not a word of the synonym list with
     * the article (مديرية الأمن, مديرية الصحة: a body's office; صعدة, bare, stays a place though its root is صعد's).
     */
    private boolean isPlaceName(StoryText.Token token) {
        String first = token.first();
        boolean preposition = first.startsWith("لل") || first.startsWith("بال") || first.startsWith("كال");
        boolean adjective = !first.startsWith("ال") && (first.endsWith("ية") || first.endsWith("ي"));
        String group = lexicon.synonyms.of(token);
        boolean commonNoun = token.hasArticle() && group != null; // مديرية الأمن العام: a directorate, not a district
        return token.number() == null && !preposition && !adjective && !STOP.equals(group) && !commonNoun && token.key().length() > 2
                && !DIRECTIONS.contains(token.key());
    }

    /** A direction after a place noun names a part of what follows, not a place (إقليم شرق المتوسط, منطقة شمال سيناء). */
    private static final Set<String> DIRECTIONS = Set.of("شرق", "غرب", "شمال", "جنوب", "وسط");

    private static final Set<String> PLACE_NOUNS = Set.of("مدينة", "بلدة", "قرية", "حي", "منطقة", "محافظة", "ولاية", "اقليم", "مديرية",
            "ناحية", "قضاء", "مخيم", "جزيرة", "مقاطعة", "قرى", "مدن", "بلدات");

    /** The countries named just after a role: its holders (أمير قطر, وزير الخارجية الأردني, نظيره التركي). */
    private void actors(List<StoryText.Token> tokens, Set<Integer> placeStarts, boolean headline) {
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
                        if (headline) {
                            headlineActors.computeIfAbsent(name, k -> new HashSet<>()).add(place.country());
                        }
                    }
                }
            }
        }
    }

    /** Each figure with the words beside it, which say what it counts (5 قتلى, مقتل 5, بقوة 5.8 درجة). */
    private void counts(List<StoryText.Token> tokens, String[] keys) {
        Set<Integer> afterApproximation = new HashSet<>();
        for (Phrases.Match<Boolean> match : lexicon.approximations.find(tokens)) {
            afterApproximation.add(match.start() + match.length());
        }
        for (int i = 0; i < tokens.size(); i++) {
            StoryText.Token token = tokens.get(i);
            if (token.number() == null) {
                continue;
            }
            if (afterApproximation.contains(i)) {
                nearFigures.add(token.number()); // نحو 880, أكثر من 800
            }
            // the word before, unless the figure opens a clause of its own (3 قتلى و15 مصابا)
            if (i > 0 && !token.afterAnd() && countable(tokens.get(i - 1), keys[i - 1])) {
                counts.computeIfAbsent(keys[i - 1], k -> new HashSet<>()).add(token.number());
                if (basisPointsAt(tokens, i + 1)) {
                    counts.get(keys[i - 1]).add(token.number().movePointLeft(2)); // الفائدة 200 نقطة أساس: 2%
                }
            }
            // the word after, unless it opens a clause of its own (مقتل 4 وإصابة 7)
            if (i + 1 < tokens.size() && !tokens.get(i + 1).afterAnd() && countable(tokens.get(i + 1), keys[i + 1])) {
                counts.computeIfAbsent(keys[i + 1], k -> new HashSet<>()).add(token.number());
                if (basisPointsAt(tokens, i + 1)) {
                    counts.get(keys[i + 1]).add(token.number().movePointLeft(2)); // 25 نقطة أساس: 0.25 نقطة مئوية
                }
            }
        }
    }

    /** Whether "نقطة أساس" (a hundredth of a percent) starts at {@code at}. */
    private static boolean basisPointsAt(List<StoryText.Token> tokens, int at) {
        return at + 1 < tokens.size() && tokens.get(at).key().startsWith("نقط") && tokens.get(at + 1).key().equals("اساس");
    }

    /** A word a figure beside it may count: not a figure, not a word that says nothing, not a place (مدافع مغربي لخمس سنوات counts no Moroccans). */
    private static boolean countable(StoryText.Token token, String key) {
        return token.number() == null && key != null && !key.equals(STOP) && !key.startsWith("@");
    }

    private boolean isStop(StoryText.Token token) {
        String group = lexicon.synonyms.of(token);
        return STOP.equals(group);
    }

    /** Topics by category (what a text is about); outcomes to {@link StoryOutcomes}. */
    private void slots(List<StoryText.Token> tokens, String[] keys, boolean headline) {
        List<Phrases.Match<StoryLexicon.Slot>> told = new ArrayList<>();
        for (Phrases.Match<StoryLexicon.Slot> match : lexicon.slots.find(tokens)) {
            StoryLexicon.Slot slot = match.value();
            if (lexicon.firstMentionCategories.contains(slot.category())) {
                told.add(match);
            } else if (!slot.category().equals(STOP)) {
                topics.computeIfAbsent(slot.category(), k -> new HashSet<>())
                        .addAll(lexicon.toldTogether.getOrDefault(slot.category() + ":" + slot.value(), List.of(slot.value())));
            }
        }
        outcomes.read(tokens, keys, told, headline);
    }
}
