package io.newsroom.tag;

import io.newsroom.text.ArabicNormalizer;
import io.newsroom.text.Slugs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TagService {

    private final TagRepository tags;
    private final Clock clock;

    TagService(TagRepository tags, Clock clock) {
        this.tags = tags;
        this.clock = clock;
    }

    /**
     * The tags for the given names, in the given order, creating those whose normalised key is new.
     * Names that are spellings of one word ("إيران", "ايران") give that one tag once.
     */
    @Transactional
    public List<Tag> resolve(List<String> names) {
        Map<String, String> namesByKey = new LinkedHashMap<>();
        for (String name : names) {
            String key = ArabicNormalizer.key(name);
            if (!key.isEmpty()) {
                namesByKey.putIfAbsent(key, name);
            }
        }
        Map<String, Tag> existing = tags.findByNormalizedKeyIn(namesByKey.keySet()).stream()
                .collect(Collectors.toMap(Tag::getNormalizedKey, Function.identity()));
        List<Tag> resolved = new ArrayList<>(namesByKey.size());
        namesByKey.forEach((key, name) -> resolved.add(existing.computeIfAbsent(key, k -> create(name))));
        return resolved;
    }

    private Tag create(String name) {
        String slug = Slugs.unique(Slugs.of(name), tags::existsBySlugKey);
        return tags.save(new Tag(name, slug, clock.instant()));
    }
}
