-- Feeds of other publishers (RSS 2.0, RSS 1.0, Atom), polled by every instance: a feed is claimed
-- for one poll at a time (claimed_until, taken with FOR UPDATE SKIP LOCKED), so with several
-- instances each feed is polled by one of them. Each item becomes one article, remembered in
-- ingested_documents under the uri 'feed:<feed id>:<guid, or link>'.
CREATE TABLE source_feeds (
    id                   uuid        PRIMARY KEY,
    source_id            uuid        NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    url                  text        NOT NULL,
    poll_interval_s      integer     NOT NULL CHECK (poll_interval_s >= 1),
    mode                 text        NOT NULL CHECK (mode IN ('PUBLISH', 'DRAFT')),
    language             text,
    default_tags         text[]      NOT NULL DEFAULT '{}',
    enabled              boolean     NOT NULL,
    disabled_reason      text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- conditional GET: what the server said last time
    etag                 text,
    last_modified        text,
    -- health
    next_poll_at         timestamptz NOT NULL,
    claimed_until        timestamptz,
    last_polled_at       timestamptz,
    last_status          integer,
    last_error           text,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    items_seen           bigint      NOT NULL DEFAULT 0,
    items_created        bigint      NOT NULL DEFAULT 0,
    items_updated        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT source_feeds_one_url_per_source UNIQUE (source_id, url)
);
CREATE INDEX source_feeds_due ON source_feeds (next_poll_at) WHERE enabled;
CREATE INDEX source_feeds_by_source ON source_feeds (source_id, created_at);
