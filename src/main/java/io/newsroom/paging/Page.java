package io.newsroom.paging;

import java.util.List;

/**
 * A page of a list as every list of the API returns it: {@code {"items": [...], "next": cursor|null}}.
 * There is no total count: counting a large table on every page is what makes other CMSs slow.
 */
public record Page<T>(List<T> items, String next) {

    /** Maximum and default page sizes (shared/CONTRACT.md). */
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    /**
     * A page from {@code limit + 1} fetched rows: the extra row only tells that there is more, and the
     * cursor is made from the last row shown.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, String> cursorOf) {
        boolean more = fetched.size() > limit;
        List<T> items = more ? fetched.subList(0, limit) : fetched;
        return new Page<>(items, more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
