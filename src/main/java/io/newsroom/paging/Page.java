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
}
