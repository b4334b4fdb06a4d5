-- Newsroom integration: where ingested documents came from, webhook subscriptions and their
-- deliveries (the transactional outbox), and how an API key's ingested stories are published.

-- A newsroom tool may send its stories as drafts for an editor to publish.
ALTER TABLE api_keys ADD COLUMN ingest_as_draft boolean NOT NULL DEFAULT false;

-- One row per ingested ninjs uri: what makes a repeated or an older document recognisable.
CREATE TABLE ingested_documents (
    uri             text PRIMARY KEY,
    article_id      uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- The document's versioncreated (null when it had none) and a hash of the document as received.
    version_created timestamptz,
    content_hash    text        NOT NULL,
    ingested_at     timestamptz NOT NULL
);
CREATE INDEX ingested_documents_by_article ON ingested_documents (article_id);

CREATE TABLE webhook_subscriptions (
    id         uuid PRIMARY KEY,
    url        text        NOT NULL,
    events     text[]      NOT NULL CHECK (cardinality(events) > 0),
    -- The HMAC key receivers verify signatures with; it has to be readable to sign, unlike API keys.
    secret     text        NOT NULL,
    active     boolean     NOT NULL DEFAULT true,
    -- Why the service turned it off by itself (410 Gone), if it did.
    disabled_reason text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The outbox: a delivery is written in the transaction of the change that causes it, and a worker
-- sends it after commit. A claimed delivery's next_attempt_at is pushed past its timeout, so one
-- whose sender died is picked up again once that lease runs out.
CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event           text        NOT NULL,
    event_id        uuid        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz,
    last_status_code integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at DESC, id DESC);
