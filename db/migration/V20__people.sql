-- People who sign in through the newsroom's identity provider (NEWSROOM_OIDC_ISSUER_URI). A person is
-- the (issuer, subject) pair of their tokens: recorded on first use, their display name, email and
-- role kept as the latest token said. The subject, not the email, is the identity (emails change
-- and are reused). No token is stored, ever.
CREATE TABLE people (
    id           uuid PRIMARY KEY,
    issuer       text        NOT NULL,
    subject      text        NOT NULL,
    display_name text        NOT NULL,
    email        text,
    -- the role the latest token mapped to; a key the person owns never acts above it
    role         text        NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'WRITER', 'INTEGRATION')),
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT people_identity UNIQUE (issuer, subject)
);
CREATE INDEX people_by_creation ON people (created_at DESC, id DESC);

-- Keys belong to people: a key made by a person is theirs and stops when they are deactivated.
-- Keys made before this have no owner and keep working; an ADMIN may give them one.
ALTER TABLE api_keys ADD COLUMN owner_id uuid REFERENCES people (id);
CREATE INDEX api_keys_by_owner ON api_keys (owner_id) WHERE owner_id IS NOT NULL;
