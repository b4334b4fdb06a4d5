package io.newsroom.text;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Unique slugs for many new rows written together (a bulk import's articles, its new tags): the
 * first choices are checked against the database in one query, the rarer second choices one by one,
 * and a slug given earlier in the batch counts as taken, since none of the batch is written yet.
 */
public final class BatchSlugs {

    private final Set<String> firstChoices;
    private final Set<String> takenFirstChoices;
    private final Predicate<String> isTakenInDatabase;
    private final Set<String> assigned = new HashSet<>();

    /**
     * @param firstChoices       the slug each row would get if it were free
     * @param takenAmong         which of a set of slug keys the database holds (one query)
     * @param isTakenInDatabase  whether the database holds one slug key
     */
    public BatchSlugs(Iterable<String> firstChoices, Function<Set<String>, Set<String>> takenAmong, Predicate<String> isTakenInDatabase) {
        Set<String> keys = new HashSet<>();
        firstChoices.forEach(slug -> keys.add(Slugs.key(slug)));
        this.firstChoices = keys;
        this.takenFirstChoices = keys.isEmpty() ? Set.of() : takenAmong.apply(keys);
        this.isTakenInDatabase = isTakenInDatabase;
    }

    /** The first of {@code base}, {@code base-2}, ... that neither the database nor this batch holds. */
    public String assign(String base) {
        String slug = Slugs.unique(base, key -> assigned.contains(key)
                || (firstChoices.contains(key) ? takenFirstChoices.contains(key) : isTakenInDatabase.test(key)));
        assigned.add(Slugs.key(slug));
        return slug;
    }
}
