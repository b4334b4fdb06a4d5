package io.newsroom.tag;

import java.util.List;
import java.util.UUID;

/** A tag was merged into another; {@code articleIds} are the articles whose tag list changed. Published in the merge's transaction. */
public record TagMerged(UUID fromId, UUID intoId, List<UUID> articleIds) {
}
