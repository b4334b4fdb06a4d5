-- Finished public representations of articles, stored so that the most requested page (an article
-- by slug) is one indexed read returning bytes (io.newsroom.content.StoredRenderings).
--
-- A rendering is only ever served while it is exactly what rendering the article now would give.
-- articles.shown_stamp says which state of "everything the article's page shows" a row is in: it
-- takes a new number from a sequence whenever the article's row changes, and whenever something
-- it shows changes in the same transaction (its tags or their names, its source's name, the
-- articles it names as read-also, its translations, the members of its story). A rendering records
-- the stamp it was rendered from, read in the same statement as the data it shows, and is served
-- only while the article still has that stamp; visibility is decided at read time by the reading
-- query itself. So a hiding commit hides, and a rendering made from a snapshot older than a change
-- can be written after that change and is never served. Changes by time alone (a read-also article
-- scheduled to appear, or planned to be unpublished) end a rendering at its valid_until.

CREATE SEQUENCE article_shown_stamps;
ALTER TABLE articles ADD COLUMN shown_stamp bigint NOT NULL DEFAULT nextval('article_shown_stamps');

CREATE TABLE article_renderings (
    article_id      uuid PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    shown_stamp     bigint      NOT NULL,
    -- which build and site settings rendered it: a new release or new settings render anew
    renderer        text        NOT NULL,
    -- the first time at which what it shows changes with no write (NULL: never)
    valid_until     timestamptz,
    last_modified   timestamptz NOT NULL,
    -- each representation: its body, its ETag, and its response headers as computed ("name: value" lines)
    json            bytea,
    json_etag       text,
    json_headers    text,
    ninjs           bytea,
    ninjs_etag      text,
    ninjs_headers   text,
    CHECK ((json IS NULL) = (json_etag IS NULL) AND (json IS NULL) = (json_headers IS NULL)
       AND (ninjs IS NULL) = (ninjs_etag IS NULL) AND (ninjs IS NULL) = (ninjs_headers IS NULL))
);
-- Bodies are already compact JSON read whole on every hit: kept out of line without compression,
-- so a read copies bytes instead of decompressing them.
ALTER TABLE article_renderings ALTER COLUMN json SET STORAGE EXTERNAL;
ALTER TABLE article_renderings ALTER COLUMN ninjs SET STORAGE EXTERNAL;

-- Every update of an article's row gives it a new stamp, whoever writes it (JPA, bulk SQL, a trigger).
CREATE FUNCTION articles_new_shown_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.shown_stamp := nextval('article_shown_stamps');
    RETURN NEW;
END
$$;
CREATE TRIGGER articles_shown_stamp BEFORE UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION articles_new_shown_stamp();

-- New stamps for the given articles, unless this transaction already wrote their rows (then their
-- stamp is already one no other transaction has seen). The update fires articles' own triggers, so
-- caches and in-memory indexes hear of these articles too.
-- (Never an empty UPDATE: a statement trigger fires even for no rows, and would call this again.)
CREATE FUNCTION articles_shown_changed(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) > 0 THEN
        UPDATE articles SET shown_stamp = nextval('article_shown_stamps')
        WHERE id = ANY (ids) AND xmin <> xid(pg_current_xact_id());
    END IF;
END
$$;

-- What other articles show of an article: read-also links (slug, headline, time, visibility),
-- translations (language, slug, headline, visibility), story members ("also reported by": source,
-- link, time, visibility). When one of those changes, the articles showing it get new stamps.
CREATE FUNCTION articles_spread_shown_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_shown_changed(ARRAY(
        SELECT t.id FROM articles t JOIN new_rows n ON t.translation_group = n.translation_group AND t.id <> n.id
        UNION SELECT story_lead_id FROM new_rows WHERE story_lead_id IS NOT NULL));
    RETURN NULL;
END
$$;
CREATE FUNCTION articles_spread_shown_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_shown_changed(ARRAY(
        WITH changed AS (
            SELECT n.id, n.translation_group, n.story_lead_id, o.translation_group AS old_group, o.story_lead_id AS old_lead
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.slug, n.headline, n.published_at, n.language, n.source_id, n.source_url, n.translation_group,
                   n.story_lead_id, n.status, n.deleted_at, n.visible_from, n.visible_until)
                  IS DISTINCT FROM
                  (o.slug, o.headline, o.published_at, o.language, o.source_id, o.source_url, o.translation_group,
                   o.story_lead_id, o.status, o.deleted_at, o.visible_from, o.visible_until))
        SELECT ra.article_id FROM related_articles ra JOIN changed c ON ra.related_article_id = c.id
        UNION SELECT t.id FROM articles t JOIN changed c ON t.translation_group IN (c.translation_group, c.old_group)
        UNION SELECT story_lead_id FROM changed WHERE story_lead_id IS NOT NULL
        UNION SELECT old_lead FROM changed WHERE old_lead IS NOT NULL));
    RETURN NULL;
END
$$;
CREATE FUNCTION articles_spread_shown_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_shown_changed(ARRAY(
        SELECT t.id FROM articles t JOIN old_rows o ON t.translation_group = o.translation_group
        UNION SELECT story_lead_id FROM old_rows WHERE story_lead_id IS NOT NULL));
    RETURN NULL;
END
$$;
CREATE TRIGGER articles_shown_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_spread_shown_insert();
CREATE TRIGGER articles_shown_update AFTER UPDATE ON articles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_spread_shown_change();
CREATE TRIGGER articles_shown_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_spread_shown_removal();

-- An article's own tags and read-also links.
CREATE FUNCTION article_links_shown_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_shown_changed(ARRAY(SELECT DISTINCT article_id FROM changed_rows));
    RETURN NULL;
END
$$;
CREATE TRIGGER article_tags_shown_insert AFTER INSERT ON article_tags REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();
CREATE TRIGGER article_tags_shown_update AFTER UPDATE ON article_tags REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();
CREATE TRIGGER article_tags_shown_delete AFTER DELETE ON article_tags REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();
CREATE TRIGGER related_articles_shown_insert AFTER INSERT ON related_articles REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();
CREATE TRIGGER related_articles_shown_update AFTER UPDATE ON related_articles REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();
CREATE TRIGGER related_articles_shown_delete AFTER DELETE ON related_articles REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION article_links_shown_change();

-- A tag or source renamed: the articles showing it. Only those readers may see now or later
-- (visible_from set); any other becomes visible again only through a write, which stamps it anew.
CREATE FUNCTION tags_shown_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_shown_changed(ARRAY(
        SELECT at.article_id FROM article_tags at
        JOIN new_rows n ON n.id = at.tag_id JOIN old_rows o ON o.id = n.id
        WHERE at.visible_at IS NOT NULL AND (n.name, n.slug) IS DISTINCT FROM (o.name, o.slug)));
    RETURN NULL;
END
$$;
CREATE TRIGGER tags_shown_update AFTER UPDATE ON tags REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tags_shown_change();

CREATE FUNCTION sources_shown_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_shown_changed(ARRAY(
        WITH renamed AS (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.name, n.slug, n.url) IS DISTINCT FROM (o.name, o.slug, o.url))
        SELECT a.id FROM articles a JOIN renamed r ON a.source_id = r.id WHERE a.visible_from IS NOT NULL
        UNION SELECT m.story_lead_id FROM articles m JOIN renamed r ON m.source_id = r.id WHERE m.story_lead_id IS NOT NULL));
    RETURN NULL;
END
$$;
CREATE TRIGGER sources_shown_update AFTER UPDATE ON sources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sources_shown_change();
