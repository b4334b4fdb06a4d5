package io.newsroom.content;

import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Committed changes to articles or their tags, heard from PostgreSQL (channel {@code newsroom_articles},
 * migration V10) by this instance, whichever instance or tool made them. {@code everything}: anything
 * may have changed (a TRUNCATE, or the listener has just connected and may have missed changes), so
 * what is kept about articles has to be read again in full. Published synchronously on the
 * listening thread, before this instance's response cache is emptied for the same change.
 */
@NamedInterface("events")
public record ArticlesChanged(Set<UUID> articleIds, boolean everything) {

    public static ArticlesChanged all() {
        return new ArticlesChanged(Set.of(), true);
    }
}
