package io.newsroom.actor;

/**
 * What a person or an API key may do (shared/CONTRACT.md, "Two audiences"). Declared from the
 * highest to the lowest: when a person's token names several roles, the first of them wins.
 */
public enum Role {
    /** Everything, including API keys and webhooks. */
    ADMIN,
    /** All editorial work, publishing included. */
    EDITOR,
    /** Creates and edits their own drafts, submits them for review; cannot publish, unpublish or delete. */
    WRITER,
    /** Ingest endpoints and reads. */
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean canPublish() {
        return this == ADMIN || this == EDITOR;
    }

    /**
     * Whether this role may do all that {@code other} may: what a person may hand to a key of their
     * own. A WRITER cannot publish, so an INTEGRATION key (whose ingest publishes) is not theirs to make.
     */
    public boolean includes(Role other) {
        return switch (this) {
            case ADMIN -> true;
            case EDITOR -> other != ADMIN;
            case WRITER, INTEGRATION -> other == this;
        };
    }

    /** The higher of two roles, by the order of declaration. */
    public static Role highest(Role a, Role b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
