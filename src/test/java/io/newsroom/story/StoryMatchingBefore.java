package io.newsroom.story;

import io.newsroom.text.SearchText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The story comparison as it was before issue 31 (plain Dice over peeled words, slot contradictions
 * from stories/lexicon-before.txt, postings counted in an int array), kept only so that
 * StoryMatchingTiming can time it beside today's on the same input in one run.
 */
final class StoryMatchingBefore {

    record Signature(Set<String> words, Map<String, Set<String>> slots) {
    }

    private final Map<String, String[]> lexicon = new HashMap<>();
    private Signature[] bySlot = new Signature[1024];
    private int slots;
    private final Map<String, int[]> postingSizes = new HashMap<>();
    private final Map<String, int[][]> postings = new HashMap<>();
    private int[] shared = new int[1024];
    private int[] touched = new int[1024];

    StoryMatchingBefore() {
        try (InputStream in = StoryMatchingBefore.class.getResourceAsStream("/stories/lexicon-before.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                for (String spelling : parts[2].strip().split("\\s+")) {
                    for (String stem : SearchText.stems(spelling)) {
                        lexicon.put(stem, new String[] {parts[0], parts[1]});
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Signature signature(String headline, String lead) {
        Set<String> words = new HashSet<>();
        Map<String, Set<String>> slotValues = new HashMap<>();
        add(headline, Integer.MAX_VALUE, words, slotValues);
        add(lead, 60, words, slotValues);
        return new Signature(words, slotValues);
    }

    private void add(String text, int limit, Set<String> words, Map<String, Set<String>> slotValues) {
        if (text == null) {
            return;
        }
        int taken = 0;
        for (String stem : SearchText.stems(text)) {
            if (taken++ >= limit) {
                break;
            }
            boolean number = !stem.isEmpty() && stem.chars().allMatch(Character::isDigit);
            if (number) {
                slotValues.computeIfAbsent("number", k -> new HashSet<>()).add(stem);
            } else {
                String[] slot = lexicon.get(stem);
                if (slot != null) {
                    slotValues.computeIfAbsent(slot[0], k -> new HashSet<>()).add(slot[1]);
                }
            }
            if (stem.length() > 2 || number) {
                words.add(stem);
            }
        }
    }

    void put(Signature signature) {
        if (slots == bySlot.length) {
            bySlot = Arrays.copyOf(bySlot, slots * 2);
            shared = new int[slots * 2];
        }
        int slot = slots++;
        bySlot[slot] = signature;
        for (String word : signature.words()) {
            int[][] list = postings.computeIfAbsent(word, w -> new int[][] {new int[4]});
            int[] size = postingSizes.computeIfAbsent(word, w -> new int[1]);
            if (size[0] == list[0].length) {
                list[0] = Arrays.copyOf(list[0], size[0] * 2);
            }
            list[0][size[0]++] = slot;
        }
    }

    /** The best match's slot, or -1. */
    int find(Signature item, double threshold) {
        int count = 0;
        for (String word : item.words()) {
            int[][] list = postings.get(word);
            if (list == null) {
                continue;
            }
            int size = postingSizes.get(word)[0];
            for (int i = 0; i < size; i++) {
                int slot = list[0][i];
                if (shared[slot]++ == 0) {
                    if (count == touched.length) {
                        touched = Arrays.copyOf(touched, count * 2);
                    }
                    touched[count++] = slot;
                }
            }
        }
        int best = -1;
        double bestSimilarity = 0;
        int size = item.words().size();
        for (int i = 0; i < count; i++) {
            int slot = touched[i];
            Signature told = bySlot[slot];
            if (2.0 * shared[slot] / (size + told.words().size()) >= threshold) {
                double similarity = dice(item.words(), told.words());
                if (similarity >= threshold && !contradicts(item.slots(), told.slots()) && similarity > bestSimilarity) {
                    best = slot;
                    bestSimilarity = similarity;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            shared[touched[i]] = 0;
        }
        return best;
    }

    private static double dice(Set<String> a, Set<String> b) {
        int common = 0;
        for (String word : a.size() <= b.size() ? a : b) {
            if ((a.size() <= b.size() ? b : a).contains(word)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }

    private static boolean contradicts(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        for (Map.Entry<String, Set<String>> slot : a.entrySet()) {
            Set<String> other = b.get(slot.getKey());
            if (other == null) {
                continue;
            }
            Set<String> onlyA = new HashSet<>(slot.getValue());
            onlyA.removeAll(other);
            Set<String> onlyB = new HashSet<>(other);
            onlyB.removeAll(slot.getValue());
            if (!onlyA.isEmpty() && !onlyB.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
