-- Authors as entities (io.newsroom.author): a name with a slug (Arabic kept, as tags' are), a bio, an
-- image, links and optionally the person who writes under it; articles credit them in order
-- (article_authors, owned by the article module as article_tags is).
--
-- Whose byline a name is matters: the same name from two outlets is two writers until an editor merges
-- them, so an author belongs to a source (source_id; NULL for the newsroom's own staff), and within one
-- source spelling variants of a name (ArabicNormalizer.key) are one author. An author linked to a person
-- is known by that person, not by the name: two people may share a name.

CREATE TABLE authors (
    id             uuid PRIMARY KEY,
    name           text        NOT NULL CHECK (length(btrim(name)) > 0),
    slug           text        NOT NULL,
    slug_key       text        NOT NULL,
    normalized_key text        NOT NULL CHECK (length(normalized_key) > 0),
    -- the outlet whose bylines these are; no foreign key: a source deleted later leaves its authors as they are
    source_id      uuid,
    bio            text,
    image_url      text,
    links          text[]      NOT NULL DEFAULT '{}',
    -- the person (sign-in identity) who writes as this author; no foreign key yet (people are added beside this)
    person_id      uuid,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT authors_slug_key_unique UNIQUE (slug_key)
);
-- One author per name and source among those not linked to a person: what makes "created by name" happen
-- once however many requests name it at the same moment (INSERT ... ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX authors_one_name_per_source ON authors (coalesce(source_id, '00000000-0000-0000-0000-000000000000'::uuid), normalized_key)
    WHERE person_id IS NULL;
CREATE INDEX authors_by_name ON authors (coalesce(source_id, '00000000-0000-0000-0000-000000000000'::uuid), normalized_key);
CREATE UNIQUE INDEX authors_one_per_person ON authors (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX authors_by_display_name ON authors (name, id);

-- Slugs an author was known under before a rename or a merge: readers' old links answer 301.
CREATE TABLE author_former_slugs (
    slug_key   text PRIMARY KEY,
    author_id  uuid        NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL
);

-- Names of authors merged into another, per source: the next feed item signed with the merged name
-- credits the surviving author instead of making the merged one again.
CREATE TABLE author_name_aliases (
    source_scope   uuid        NOT NULL,
    normalized_key text        NOT NULL,
    author_id      uuid        NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (source_scope, normalized_key)
);

-- Ordered authors of an article, checked at commit as article_tags are (rows rewritten in any order).
CREATE TABLE article_authors (
    article_id uuid    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position >= 0),
    author_id  uuid    NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    CONSTRAINT article_authors_pkey PRIMARY KEY (article_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT article_authors_once UNIQUE (article_id, author_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX article_authors_by_author ON article_authors (author_id, article_id);

-- Every instance empties its response cache on any committed change of these (V3).
CREATE TRIGGER authors_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON authors
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
CREATE TRIGGER author_former_slugs_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON author_former_slugs
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
CREATE TRIGGER article_authors_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_authors
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();

-- Stored renderings and summaries (V16, V18): an article's authors are part of what its page shows, so
-- a change of its credits, or an author renamed, gives the articles showing them new stamps.
CREATE TRIGGER article_authors_shown_insert AFTER INSERT ON article_authors REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();
CREATE TRIGGER article_authors_shown_update AFTER UPDATE ON article_authors REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();
CREATE TRIGGER article_authors_shown_delete AFTER DELETE ON article_authors REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();

-- As for tags and sources: only the articles readers may see now or later (visible_from set); any
-- other becomes visible again only through a write, which stamps it anew.
CREATE FUNCTION authors_shown_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_shown_changed(ARRAY(
        SELECT DISTINCT aa.article_id FROM article_authors aa
        JOIN new_rows n ON n.id = aa.author_id JOIN old_rows o ON o.id = n.id
        JOIN articles a ON a.id = aa.article_id
        WHERE a.visible_from IS NOT NULL AND (n.name, n.slug) IS DISTINCT FROM (o.name, o.slug)));
    RETURN NULL;
END
$$;
CREATE TRIGGER authors_shown_update AFTER UPDATE ON authors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION authors_shown_change();
