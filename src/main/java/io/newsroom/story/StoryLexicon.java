package io.newsroom.story;

import io.newsroom.text.SearchText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slot words of {@code stories/lexicon.txt}: spellings of countries, cities, sports, ministries,
 * subjects and directions, each mapped to one value of its category, compared in the same stem form
 * as the rest of the text.
 */
public final class StoryLexicon {

    /** A slot filled by a word: {@code country/tunisia}, {@code direction/up}. */
    public record Slot(String category, String value) {
    }

    private final Map<String, Slot> slots;

    private StoryLexicon(Map<String, Slot> slots) {
        this.slots = slots;
    }

    public static StoryLexicon standard() {
        try (InputStream in = StoryLexicon.class.getResourceAsStream("/stories/lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("stories/lexicon.txt is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoryLexicon parse(List<String> lines) {
        Map<String, Slot> slots = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                throw new IllegalArgumentException("stories/lexicon.txt: a line is category<TAB>value<TAB>spellings: " + line);
            }
            Slot slot = new Slot(parts[0].strip(), parts[1].strip());
            for (String spelling : parts[2].strip().split("\\s+")) {
                for (String stem : SearchText.stems(spelling)) {
                    Slot before = slots.putIfAbsent(stem, slot);
                    if (before != null && !before.equals(slot)) {
                        throw new IllegalArgumentException("stories/lexicon.txt: " + spelling + " means both " + before + " and " + slot);
                    }
                }
            }
        }
        return new StoryLexicon(Map.copyOf(slots));
    }

    Slot slotOf(String stem) {
        return slots.get(stem);
    }
}
