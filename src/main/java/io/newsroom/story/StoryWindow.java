package io.newsroom.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The published articles of the story window as signatures, with an index from each word to the
 * articles using it and how many use it (what weighs a rare word above a common one). Not safe
 * for concurrent use: StoryIndex reads it under its read lock (any number of finds side by side,
 * each with its own {@link Scratch}) and changes it under its write lock.
 */
final class StoryWindow {

    /** One published article of the window. */
    record Told(UUID id, UUID leadId, long publishedAt, StorySignature signature) {
    }

    /** The article an item tells the same story as, and how alike they are. */
    record Found(Told told, double similarity) {
    }

    /**
     * Articles are numbered (slots) as they come in; each word's postings list the slots of the
     * articles using it, so that a comparison adds up shared weights in an array rather than a map.
     */
    private final Map<UUID, Integer> slotOf = new HashMap<>();
    private Told[] bySlot = new Told[1024];
    private int slots;
    private int emptySlots;
    private final Map<String, Postings> postings = new HashMap<>();
    private final DocumentFrequencies frequencies = new DocumentFrequencies();
    private static final java.util.Set<StorySignal> ALL = StorySignal.all();

    TermWeights weights() {
        return frequencies;
    }

    int size() {
        return slotOf.size();
    }

    /**
     * The article published since {@code since} that tells the story of {@code signature} most
     * closely ({@link SameStory}), or null.
     */
    Found find(StorySignature signature, long since, double threshold, Scratch scratch) {
        scratch.sizedFor(slots);
        try {
            double own = 0;
            for (String word : signature.words()) {
                double weight = frequencies.of(word);
                own += weight;
                Postings articlesWithIt = postings.get(word);
                for (int i = 0; articlesWithIt != null && i < articlesWithIt.size; i++) {
                    scratch.add(articlesWithIt.slots[i], weight);
                }
            }
            Found best = null;
            for (int i = 0; i < scratch.touched; i++) {
                int slot = scratch.touchedSlots[i];
                Told told = bySlot[slot];
                double shared = scratch.shared[slot];
                // the most the similarity can be, were the article's other words none: nearly every candidate falls short of the least
                if (told == null || told.publishedAt() < since || 2 * shared / (own + shared) < SameStory.LEAST_SIMILARITY) {
                    continue;
                }
                double similarity = 2 * shared / (own + SameStory.weight(told.signature().words(), frequencies));
                SameStory.Verdict verdict = SameStory.decide(similarity, signature, told.signature(), frequencies, threshold, ALL,
                        SameStory.COEFFICIENTS);
                if (verdict.same() && (best == null || verdict.similarity() > best.similarity())) {
                    best = new Found(told, verdict.similarity());
                }
            }
            return best;
        } finally {
            scratch.reset();
        }
    }

    void put(Told told) {
        remove(told.id());
        if (slots == bySlot.length) {
            bySlot = Arrays.copyOf(bySlot, slots * 2);
        }
        int slot = slots++;
        bySlot[slot] = told;
        slotOf.put(told.id(), slot);
        frequencies.add(told.signature().words());
        for (String word : told.signature().words()) {
            postings.computeIfAbsent(word, w -> new Postings()).add(slot);
        }
    }

    /** Its slot is emptied; the postings keep naming it until the next compaction, and comparisons skip it. */
    void remove(UUID id) {
        Integer slot = slotOf.remove(id);
        if (slot != null) {
            frequencies.remove(bySlot[slot].signature().words());
            bySlot[slot] = null;
            emptySlots++;
        }
    }

    void clear() {
        slotOf.clear();
        postings.clear();
        frequencies.clear();
        bySlot = new Told[1024];
        slots = 0;
        emptySlots = 0;
    }

    /** Drops what was published before {@code since}, renumbering when that or earlier removals left a quarter of the slots empty. */
    void evictBefore(long since) {
        List<Told> live = new ArrayList<>(slotOf.size());
        for (int slot = 0; slot < slots; slot++) {
            if (bySlot[slot] != null && bySlot[slot].publishedAt() >= since) {
                live.add(bySlot[slot]);
            }
        }
        if (live.size() < slotOf.size() || emptySlots > slots / 4) {
            clear();
            live.forEach(this::put);
        }
    }

    /** The slots of the articles using one word, in the order they were added. */
    private static final class Postings {
        int[] slots = new int[4];
        int size;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }
    }

    /** One comparison's shared-word weights by slot, kept per thread and reset after use (only the slots it touched). */
    static final class Scratch {
        double[] shared = new double[1024];
        int[] touchedSlots = new int[1024];
        int touched;

        void sizedFor(int slots) {
            if (shared.length < slots) {
                shared = new double[slots * 2];
            }
        }

        void add(int slot, double weight) {
            if (shared[slot] == 0) {
                if (touched == touchedSlots.length) {
                    touchedSlots = Arrays.copyOf(touchedSlots, touched * 2);
                }
                touchedSlots[touched++] = slot;
            }
            shared[slot] += weight;
        }

        void reset() {
            for (int i = 0; i < touched; i++) {
                shared[touchedSlots[i]] = 0;
            }
            touched = 0;
        }
    }
}
