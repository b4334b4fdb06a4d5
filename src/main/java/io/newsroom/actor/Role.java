package io.newsroom.actor;

/** What an API key may do (shared/CONTRACT.md, "Two audiences"). */
public enum Role {
    /** Everything, including API keys and webhooks. */
    ADMIN,
    /** All editorial work, publishing included. */
    EDITOR,
    /** Creates and edits drafts, submits them for review; cannot publish, unpublish, delete or touch others' published work. */
    WRITER,
    /** Ingest endpoints and reads. */
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean canPublish() {
        return this == ADMIN || this == EDITOR;
    }
}
