package io.newsroom.story;

import java.util.EnumSet;
import java.util.Set;

/**
 * The signals the same-story decision is made of. All are on in the product; SameStoryTest turns
 * each off in turn to measure what it buys.
 */
enum StorySignal {
    /** Paraphrase: words compared by root (احتراق/حريق), not only by light stem. */
    ROOTS,
    /** Paraphrase: numbers read as values (خمسة عشر = 15 = ١٥, 5,8 = 5.8). */
    NUMBERS,
    /** Paraphrase: near-synonyms (مستودع/مخزن) and words that say nothing left out. */
    SYNONYMS,
    /** Paraphrase: rare words weigh more than common ones (document frequencies of the window). */
    WEIGHTS,
    /** Paraphrase: the lead beside the headline. */
    LEAD,
    /** The model: the headlines' own likeness, and how much of each headline the other text covers. */
    HEADLINE,
    /** The model: a rare headline word of its own on each side (another name in the same place), the rarest word shared (a name). */
    OWN_WORDS,
    /** The model: how alike the two texts' words are letter by letter (3- and 4-letter runs), rare words weighing more. */
    SPELLINGS,
    /** The model: a figure both texts give (not a year, not a small count): 5.6 مليار, 2718 دولارا. */
    FIGURES,
    /** The model: how alike the texts are outside their headlines (leads agreeing on the facts under headlines worded apart). */
    REST,
    /** The model: one kind of event (a quake, an arrest, a visit: synonyms.txt's @events) told in both headlines. */
    EVENTS,
    /** Conflict: different countries. */
    COUNTRIES,
    /** Conflict: different cities or regions. */
    CITIES,
    /** Conflict: different countries in one role (وزير الخارجية الأردني / السوري). */
    ACTORS,
    /** Conflict: different figures for one count (5 قتلى / 3 قتلى). */
    COUNTS,
    /** Conflict: opposite outcomes (raise/hold, freed/detained, win/lose, approve/reject, convict/acquit). */
    OUTCOMES,
    /** Conflict: different subjects (sport, ministry, facility, commodity, weapon, competition, stage, month). */
    TOPICS;

    static Set<StorySignal> all() {
        return EnumSet.allOf(StorySignal.class);
    }
}
