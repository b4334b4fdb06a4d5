package io.newsroom.article;

import java.util.EnumSet;
import java.util.Set;

public enum ArticleStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED, ARCHIVED;

    /** Where an article in this status may go next; the lifecycle methods of {@link Article} check it. */
    public Set<ArticleStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW, SCHEDULED, PUBLISHED, ARCHIVED);
            case IN_REVIEW -> EnumSet.of(DRAFT, SCHEDULED, PUBLISHED, ARCHIVED);
            case SCHEDULED -> EnumSet.of(SCHEDULED, PUBLISHED, UNPUBLISHED, ARCHIVED);
            case PUBLISHED -> EnumSet.of(UNPUBLISHED, ARCHIVED);
            case UNPUBLISHED -> EnumSet.of(IN_REVIEW, SCHEDULED, PUBLISHED, ARCHIVED);
            case ARCHIVED -> EnumSet.of(UNPUBLISHED);
        };
    }
}
