package io.newsroom.story;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a story is compared by: the words of its headline and lead, each by its root, synonym
 * group, place or value ({@link StoryReading}), and the facts that tell two events apart however
 * many words they share ({@link Facts}, {@link Conflicts}). {@code headline} is the words of the
 * headline alone (a subset of {@code words}). {@code spellings} is each word as written (in search form,
 * without its clitics and article) with the word it is compared by: what {@link Spellings} compares
 * letter by letter where roots and lists do not reach.
 */
public record StorySignature(Set<String> words, Set<String> headline, Facts facts, Map<String, String> spellings) {

    /**
     * @param countries         the countries a text names (by name, adjective, or a city of theirs)
     * @param headlineCountries those its headline names
     * @param places            the cities, regions and other places it names (a city with its region; a
     *                          place it does not know by the word after مدينة, بلدة, حي, ...)
     * @param headlinePlaces    those its headline names
     * @param actors            by role, the countries of its holders (foreign-minister: JO)
     * @param headlineActors    those its headline names
     * @param counts            by the word counted, the figures given (~killed: 5)
     * @param nearFigures       the figures given as near, not exact (نحو 880, أكثر من 800)
     * @param topics            by category, what it is about (sport: football)
     * @param outcomes          by category, what happened, as its first word of that kind says (change: up)
     * @param toldOutcomes      every outcome told anywhere, as "category:value" (harm:injured)
     * @param markedOutcomes    the categories whose outcome the headline tells as undone or denied (postponed, failed, ...)
     * @param subject           the headline's first word (whose win, whose loss)
     * @param subjectIsBody     whether that word is a body acting as one (the government, parliament, a court, the police, the army)
     * @param counterpart       the word after على, أمام or من following the headline's win or loss (who lost, who won)
     * @param headlineWords     the headline's words, in order
     * @param subjectCountry    the country the headline opens with (السعودية تعلن, الرياض تستضيف), or null
     * @param headlineEvents    the kinds of event its headline tells ("~quake", "~arrest": synonyms.txt's @events)
     */
    public record Facts(Set<String> countries, Set<String> headlineCountries, Set<String> places, Set<String> headlinePlaces,
            Map<String, Set<String>> actors, Map<String, Set<String>> headlineActors, Map<String, Set<BigDecimal>> counts, Set<BigDecimal> nearFigures,
            Map<String, Set<String>> topics,
            Map<String, String> outcomes, Set<String> toldOutcomes, Set<String> markedOutcomes, String subject, boolean subjectIsBody, String counterpart, List<String> headlineWords,
            String subjectCountry, Set<String> headlineEvents) {
    }

    /** The lead is what outlets agree on first: its first {@value #LEAD_WORDS} words of each part are enough. */
    static final int LEAD_WORDS = 60;

    public static StorySignature of(String headline, String lead, StoryLexicon lexicon) {
        return StoryReading.read(headline, lead == null ? List.of() : List.of(lead), lexicon, StorySignal.all());
    }

    /**
     * An article's signature: its headline, its excerpt and its body's first paragraph (feeds often
     * carry no summary of their own, and when they do, the body's opening says it again in more words).
     */
    public static StorySignature ofArticle(String headline, String excerpt, String bodyHtml, StoryLexicon lexicon) {
        String paragraph = firstParagraph(bodyHtml);
        List<String> lead = excerpt == null || excerpt.isBlank() ? paragraph == null ? List.of() : List.of(paragraph)
                : paragraph == null || excerpt.strip().equals(paragraph.strip()) ? List.of(excerpt) : List.of(excerpt, paragraph);
        return StoryReading.read(headline, lead, lexicon, StorySignal.all());
    }

    /** The body's first paragraph with words, else its text. */
    private static String firstParagraph(String bodyHtml) {
        if (bodyHtml == null || bodyHtml.isBlank()) {
            return null;
        }
        Document body = Jsoup.parseBodyFragment(bodyHtml);
        for (Element paragraph : body.select("p")) {
            if (paragraph.hasText()) {
                return paragraph.text();
            }
        }
        String text = body.text();
        return text.isBlank() ? null : text;
    }
}
