package io.newsroom.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the story decision knows of news words, read once from {@code src/main/resources/stories}:
 * places (every country's Arabic name from the JDK's CLDR data, and places.tsv), slot words
 * (lexicon.txt), near-synonyms (synonyms.txt) and roles held by a country (roles.txt).
 */
public final class StoryLexicon {

    /** A slot filled by a word: {@code sport/football}, {@code change/up}. */
    record Slot(String category, String value) {
    }

    /**
     * A place: a country (also told by its adjective), a region, or a city. {@code country} is null
     * when the place's spelling names places in two countries (عمان, طرابلس); {@code region} is the
     * region a city lies in, or null.
     */
    record Place(Kind kind, String id, String country, String region, String key, String countryKey) {
        enum Kind { COUNTRY, REGION, CITY }

        /**
         * {@code key} is the word it is compared by ("@EG" for a country and its adjective, "@aden"
         * for a city), {@code countryKey} its country's word (null when none): made once, not per text.
         */
        static Place of(Kind kind, String id, String country, String region) {
            String countryKey = country == null ? null : "@" + country;
            return new Place(kind, id, country, region, kind == Kind.COUNTRY ? countryKey : "@" + id, countryKey);
        }
    }

    private static final String ROOT = "√";
    /** The synonym group of words that say nothing of a story. */
    static final String STOP = "-";

    final Phrases<Place> places = new Phrases<>(false);
    final Phrases<Slot> slots = new Phrases<>(false);
    final Set<String> firstMentionCategories = new HashSet<>();
    /** Outcomes that undo or deny what another telling says happened ("decision:postpone"). */
    final Set<String> markedOutcomes = new HashSet<>();
    /** By outcome ("decision:detained"), the outcome of its kind that ends it when a text tells both ("freed"). */
    final Map<String, String> endedBy = new HashMap<>();
    /** By topic ("incident:overturn"), the values of its category one event is told by either way (drowning, overturn). */
    final Map<String, List<String>> toldTogether = new HashMap<>();
    final Phrases<String> synonyms = new Phrases<>(true);
    final Map<String, String> synonymRoots = new HashMap<>();
    /** The synonym groups that are bodies acting as one ("~government", "~parliament"). */
    final Set<String> institutions = new HashSet<>();
    /** The synonym groups that say what kind of event a text tells ("~quake", "~arrest", "~visit"). */
    final Set<String> events = new HashSet<>();
    final Phrases<String> roles = new Phrases<>(false);
    /** The words that give the figure after them as near, not exact (نحو, أكثر من): synonyms.txt's @approximate. */
    final Phrases<Boolean> approximations = new Phrases<>(false);

    private StoryLexicon() {
    }

    public static StoryLexicon standard() {
        StoryLexicon lexicon = new StoryLexicon();
        lexicon.readPlaces(lines("places.tsv"));
        lexicon.readSlots(lines("lexicon.txt"));
        lexicon.readSynonyms(lines("synonyms.txt"));
        lexicon.readRoles(lines("roles.txt"));
        return lexicon;
    }

    /** The word a word's synonym group is compared by ("~killed"), found by its root (√ entries of synonyms.txt), or null. */
    String groupOfRoot(String root) {
        return synonymRoots.get(root);
    }

    private void readPlaces(List<String[]> lines) {
        Set<String> ignored = new HashSet<>();
        for (String[] line : lines) {
            if (line[0].equals("ignore")) {
                for (String spelling : spellings(line, 3)) {
                    ignored.add(spelling);
                }
            }
        }
        Locale arabic = Locale.forLanguageTag("ar");
        for (String code : Locale.getISOCountries()) {
            String name = new Locale("", code).getDisplayCountry(arabic);
            name = name.replaceAll("\\s*[-(].*$", "").strip(); // الكونغو - كينشاسا, ميانمار (بورما)
            if (!name.isEmpty() && !name.equals(code) && !ignored.contains(name.replace(' ', '_'))) {
                addPlace(name, Place.of(Place.Kind.COUNTRY, code, code, null));
            }
        }
        for (String[] line : lines) {
            String kind = line[0];
            String[] where = line[2].split("/");
            String country = where[0].equals("-") ? null : where[0];
            String region = where.length > 1 ? where[1] : null;
            switch (kind) {
                case "ignore" -> { }
                case "country" -> spellings(line, 3).forEach(s -> addPlace(s, Place.of(Place.Kind.COUNTRY, line[1], line[1], null)));
                case "demonym" -> spellings(line, 3).forEach(s -> demonym(s, line[1]));
                case "region" -> spellings(line, 3).forEach(s -> addPlace(s, Place.of(Place.Kind.REGION, line[1], country, null)));
                case "city" -> spellings(line, 3).forEach(s -> addPlace(s, Place.of(Place.Kind.CITY, line[1], country, region)));
                default -> throw new IllegalArgumentException("stories/places.tsv: unknown kind " + kind);
            }
        }
    }

    /** A country's adjective, with its feminine and plurals: مصري, مصرية, مصريين, مصريون. */
    private void demonym(String base, String country) {
        Place place = Place.of(Place.Kind.COUNTRY, country, country, null);
        addPlace(base, place);
        if (base.endsWith("ي") && !base.contains("_")) {
            for (String ending : List.of("ة", "ين", "ون")) {
                addPlace(base + ending, place);
            }
        }
    }

    /** A spelling that two places share names neither's country: it stays a city of its own (عمان: Oman or Amman). */
    private void addPlace(String spelling, Place place) {
        Place before = places.add(spelling, place);
        if (before != null && !sameCountry(before, place)) {
            String id = before.id().compareTo(place.id()) < 0 ? before.id() + "|" + place.id() : place.id() + "|" + before.id();
            places.replace(spelling, Place.of(Place.Kind.CITY, id, null, null));
        }
    }

    private static boolean sameCountry(Place a, Place b) {
        return a.id().equals(b.id()) || a.kind() == Place.Kind.COUNTRY && b.kind() == Place.Kind.COUNTRY && a.country().equals(b.country());
    }

    private void readSlots(List<String[]> lines) {
        for (String[] line : lines) {
            if (line[0].equals("@first") || line[0].equals("@marked")) {
                for (int column = 1; column < line.length; column++) {
                    (line[0].equals("@first") ? firstMentionCategories : markedOutcomes).addAll(spellings(line, column));
                }
                continue;
            }
            if (line[0].equals("@together")) {
                List<String> values = spellings(line, 2);
                values.forEach(value -> toldTogether.put(line[1] + ":" + value, values));
                continue;
            }
            if (line[0].equals("@ends")) {
                spellings(line, 3).forEach(ended -> endedBy.put(line[1] + ":" + ended, line[2]));
                continue;
            }
            Slot slot = new Slot(line[0], line[1]);
            for (String spelling : spellings(line, 2)) {
                Slot before = slots.add(spelling, slot);
                if (before != null && !before.equals(slot)) {
                    throw new IllegalArgumentException("stories/lexicon.txt: " + spelling + " means both " + before + " and " + slot);
                }
            }
        }
    }

    /**
     * Synonyms by the word their group is compared by ("~quake"; "-" for words left out), one string
     * per group rather than one per text.
     */
    private void readSynonyms(List<String[]> lines) {
        for (String[] line : lines) {
            if (line[0].equals("@institutions")) {
                spellings(line, 1).forEach(group -> institutions.add("~" + group));
                continue;
            }
            if (line[0].equals("@events")) {
                spellings(line, 1).forEach(group -> events.add("~" + group));
                continue;
            }
            if (line[0].equals("@approximate")) {
                spellings(line, 1).forEach(spelling -> approximations.add(spelling, true));
                continue;
            }
            String group = line[0].equals(STOP) ? STOP : "~" + line[0];
            for (String spelling : spellings(line, 1)) {
                if (spelling.startsWith(ROOT)) {
                    StoryText.Token word = StoryText.word(io.newsroom.text.ArabicNormalizer.searchForm(spelling.substring(ROOT.length())));
                    String before = synonymRoots.putIfAbsent(word.root(), group);
                    if (before != null && !before.equals(group)) {
                        throw new IllegalArgumentException("stories/synonyms.txt: the root of " + spelling + " is in " + before + " and " + group);
                    }
                } else {
                    String before = synonyms.add(spelling, group);
                    if (before != null && !before.equals(group)) {
                        throw new IllegalArgumentException("stories/synonyms.txt: " + spelling + " is in " + before + " and " + group);
                    }
                }
            }
        }
    }

    private void readRoles(List<String[]> lines) {
        for (String[] line : lines) {
            for (String spelling : spellings(line, 1)) {
                roles.add(spelling, line[0]);
            }
        }
    }

    /** The spellings of a line from a column on, each a word or a phrase written with "_". */
    private static List<String> spellings(String[] line, int from) {
        if (line.length <= from) {
            throw new IllegalArgumentException("stories: a line without spellings: " + String.join("\t", line));
        }
        return List.of(line[from].strip().split("\\s+"));
    }

    /** A resource's lines split at tabs, without comments and blank lines. */
    private static List<String[]> lines(String name) {
        try (InputStream in = StoryLexicon.class.getResourceAsStream("/stories/" + name)) {
            if (in == null) {
                throw new IllegalStateException("stories/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
