-- Preview links: a bearer token that shows one article, in any state, as readers would see it if it
-- were published now. Only the token's SHA-256 is kept; a link expires, and can be revoked.
CREATE TABLE preview_links (
    id              uuid        PRIMARY KEY,
    article_id      uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    token_hash      text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    created_by      uuid,
    created_by_name text        NOT NULL,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX preview_links_by_article ON preview_links (article_id, created_at DESC);
