-- CDN purges by surrogate key, durable like webhook deliveries: the rows are written by triggers in
-- the transaction of the change itself (whatever made it: admin API, ingest, a tag merge, SQL by
-- hand), so a purge exists exactly when its change was committed and survives a crash before it is
-- sent. Module cdn sends them (claimed FOR UPDATE SKIP LOCKED, so once across instances), many rows
-- to a few CDN calls, and deletes them once the CDN took them.
CREATE TABLE cdn_purges (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purge_key   text        NOT NULL,
    -- when it may be sent: now for a change; the future moment a scheduled article appears or
    -- disappears (no write happens then); or the end of a claim or of a backoff
    due_at      timestamptz NOT NULL DEFAULT now(),
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cdn_purges_due ON cdn_purges (due_at);

-- The instances that send purges (a CDN purger configured), each heard from every minute and gone
-- when it stops. Without a recent one nothing is written: a site without a CDN pays nothing and the
-- table does not grow.
CREATE TABLE cdn_purge_senders (
    instance_id uuid        PRIMARY KEY,
    seen_at     timestamptz NOT NULL
);

CREATE FUNCTION cdn_purges_wanted() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM cdn_purge_senders WHERE seen_at > now() - interval '10 minutes')
$$;

-- Every reader-facing list (front page, feeds, tag, source and author pages, sitemaps, search)
-- carries the key "articles", each article's own responses "article-<id>" (content/ContentCaching).
-- Only an article readers may see now or later (visible_from set) concerns them: a draft's autosave
-- purges nothing. A scheduled article appears, and a scheduled unpublishing ends, without a write:
-- their purges are due at those moments (one within a second of the change is the change's own
-- purge: "publish now" stamps the application's time, a hair after the transaction began). What an
-- article shows of its tags, authors, photo and linked articles changes its row (shown_stamp, V16,
-- V23, V27), so those changes come through here.
CREATE FUNCTION cdn_article_purges(id uuid, visible_from timestamptz, visible_until timestamptz)
    RETURNS TABLE (purge_key text, due_at timestamptz) LANGUAGE sql STABLE AS $$
    SELECT k, m
    FROM (VALUES ('article-' || id), ('articles')) AS keys (k),
         (VALUES (now()), (visible_from), (visible_until)) AS moments (m)
    WHERE visible_from IS NOT NULL AND (m = now() OR m > now() + interval '1 second')
$$;

CREATE FUNCTION cdn_purge_inserted_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF cdn_purges_wanted() THEN
        INSERT INTO cdn_purges (purge_key, due_at)
        SELECT DISTINCT p.purge_key, p.due_at FROM new_rows n, cdn_article_purges(n.id, n.visible_from, n.visible_until) p;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION cdn_purge_updated_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF cdn_purges_wanted() THEN
        INSERT INTO cdn_purges (purge_key, due_at)
        SELECT DISTINCT p.purge_key, p.due_at FROM new_rows n, cdn_article_purges(n.id, n.visible_from, n.visible_until) p
        UNION
        -- what readers saw before the change (an unpublished article's page must go)
        SELECT p.purge_key, p.due_at FROM old_rows o, cdn_article_purges(o.id, o.visible_from, NULL) p WHERE p.due_at = now();
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION cdn_purge_deleted_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF cdn_purges_wanted() THEN
        INSERT INTO cdn_purges (purge_key, due_at)
        SELECT DISTINCT p.purge_key, p.due_at FROM old_rows o, cdn_article_purges(o.id, o.visible_from, NULL) p WHERE p.due_at = now();
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_cdn_purge_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_inserted_articles();
CREATE TRIGGER articles_cdn_purge_update AFTER UPDATE ON articles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_updated_articles();
CREATE TRIGGER articles_cdn_purge_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_deleted_articles();

-- Tags, sources and authors: their own pages and feeds carry "<kind>-<id>", their lists "<kind>s"
-- (TG_ARGV[0] is the kind). An id never changes, so the changed rows name every one concerned. A
-- new one has no page anyone can have cached yet (not-found answers are not public): only the lists.
CREATE FUNCTION cdn_purge_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF cdn_purges_wanted() THEN
        INSERT INTO cdn_purges (purge_key)
        SELECT DISTINCT TG_ARGV[0] || '-' || id FROM changed WHERE TG_OP <> 'INSERT'
        UNION SELECT TG_ARGV[0] || 's';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tags_cdn_purge_insert AFTER INSERT ON tags REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('tag');
CREATE TRIGGER tags_cdn_purge_update AFTER UPDATE ON tags REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('tag');
CREATE TRIGGER tags_cdn_purge_delete AFTER DELETE ON tags REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('tag');
CREATE TRIGGER sources_cdn_purge_insert AFTER INSERT ON sources REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('source');
CREATE TRIGGER sources_cdn_purge_update AFTER UPDATE ON sources REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('source');
CREATE TRIGGER sources_cdn_purge_delete AFTER DELETE ON sources REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('source');
CREATE TRIGGER authors_cdn_purge_insert AFTER INSERT ON authors REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('author');
CREATE TRIGGER authors_cdn_purge_update AFTER UPDATE ON authors REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('author');
CREATE TRIGGER authors_cdn_purge_delete AFTER DELETE ON authors REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_changed_rows('author');
