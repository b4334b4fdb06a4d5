-- What the admin API needs beside the content model: API keys, revisions, the audit log,
-- former slugs (answered with 301) and tag aliases left behind by merges.

CREATE TABLE api_keys (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    role        text        NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'WRITER', 'INTEGRATION')),
    -- SHA-256 of the secret, hex. Secrets are 256-bit random values, so a fast hash cannot be brute-forced.
    secret_hash text        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    CONSTRAINT api_keys_secret_hash_unique UNIQUE (secret_hash)
);

-- Which key created an article: a WRITER may not touch others' published work.
ALTER TABLE articles ADD COLUMN created_by uuid REFERENCES api_keys (id) ON DELETE SET NULL;

CREATE TABLE article_revisions (
    article_id uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number     integer     NOT NULL CHECK (number > 0),
    created_at timestamptz NOT NULL,
    actor_id   uuid,
    actor_name text        NOT NULL,
    -- What happened: created, updated, restored from revision n, ...
    change     text        NOT NULL,
    -- The editorial content as it stood after the change (ArticleSnapshot as JSON).
    snapshot   jsonb       NOT NULL,
    PRIMARY KEY (article_id, number)
);

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    uuid,
    actor_name  text        NOT NULL,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   uuid,
    article_id  uuid,
    details     jsonb
);
CREATE INDEX audit_log_by_article ON audit_log (article_id, id DESC) WHERE article_id IS NOT NULL;
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, id DESC);

-- Slugs an article was published under before it was renamed: the content API redirects them.
CREATE TABLE article_former_slugs (
    slug_key   text PRIMARY KEY,
    article_id uuid        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL
);

-- Slugs of tags merged into another: /tags/{old slug} keeps answering with the surviving tag.
CREATE TABLE tag_aliases (
    slug_key   text PRIMARY KEY,
    tag_id     uuid        NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL
);

CREATE INDEX articles_editorial_by_creation ON articles (created_at DESC, id DESC);
