-- Which articles a committed transaction changed, announced on the channel newsroom_articles, so
-- that what an instance keeps in memory about articles (the similar-articles tag index) is brought
-- up to date with the rows themselves, whatever wrote them (admin API, ingest, bulk COPY, a tag
-- merge, SQL by hand). Statement-level triggers with transition tables send one notification per
-- statement and per 190 articles (a payload holds 8,000 bytes); PostgreSQL delivers them only when
-- the transaction commits, in commit order. '*' means "anything may have changed" (TRUNCATE).

CREATE FUNCTION announce_changed_articles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text;
BEGIN
    FOR ids IN
        SELECT string_agg(id::text, ',') FROM (
            SELECT id, (row_number() OVER ()) / 190 AS chunk FROM (SELECT DISTINCT id FROM changed) d) c
        GROUP BY chunk
    LOOP
        PERFORM pg_notify('newsroom_articles', ids);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE FUNCTION announce_changed_article_tags() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text;
BEGIN
    FOR ids IN
        SELECT string_agg(id::text, ',') FROM (
            SELECT id, (row_number() OVER ()) / 190 AS chunk FROM (SELECT DISTINCT article_id AS id FROM changed) d) c
        GROUP BY chunk
    LOOP
        PERFORM pg_notify('newsroom_articles', ids);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE FUNCTION announce_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('newsroom_articles', '*');
    RETURN NULL;
END
$$;

-- A trigger with a transition table takes one event, hence three of each.
CREATE TRIGGER articles_announce_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_articles();
CREATE TRIGGER articles_announce_update AFTER UPDATE ON articles REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_articles();
CREATE TRIGGER articles_announce_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_articles();
CREATE TRIGGER articles_announce_truncate AFTER TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION announce_everything_changed();

-- An update never moves a tag row to another article (the application rewrites an article's rows),
-- so the new rows name every article concerned.
CREATE TRIGGER article_tags_announce_insert AFTER INSERT ON article_tags REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_article_tags();
CREATE TRIGGER article_tags_announce_update AFTER UPDATE ON article_tags REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_article_tags();
CREATE TRIGGER article_tags_announce_delete AFTER DELETE ON article_tags REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_article_tags();
CREATE TRIGGER article_tags_announce_truncate AFTER TRUNCATE ON article_tags
    FOR EACH STATEMENT EXECUTE FUNCTION announce_everything_changed();
