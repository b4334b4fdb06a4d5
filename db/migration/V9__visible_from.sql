-- "Visible to readers", defined once: an article is visible from visible_from on, and never while
-- visible_from is NULL. article_visible_from() is the only place the lifecycle states are read for
-- it; articles.visible_from is computed from it by PostgreSQL on every write (whatever makes the
-- write: JPA, the bulk import, SQL by hand), and the copies in article_tags and article_search are
-- taken from that column by the triggers below. Readers' queries compare it with now()
-- (io.newsroom.article.ReaderVisibility), so a scheduled article shows at its time with no write.

CREATE FUNCTION article_visible_from(status text, published_at timestamptz, deleted_at timestamptz)
    RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN deleted_at IS NULL AND status IN ('PUBLISHED', 'SCHEDULED') THEN published_at END
$$;

ALTER TABLE articles ADD COLUMN visible_from timestamptz
    GENERATED ALWAYS AS (article_visible_from(status, published_at, deleted_at)) STORED;

-- The content API's orders, on the one column (they replace V1's partial indexes, whose predicate
-- repeated the rule). The scheduling job's index keeps its state but orders by the same column.
DROP INDEX articles_visible_by_time;
DROP INDEX articles_visible_by_source;
DROP INDEX articles_visible_by_language;
DROP INDEX articles_scheduled_by_time;
CREATE INDEX articles_visible_by_time ON articles (visible_from DESC, id DESC) WHERE visible_from IS NOT NULL;
CREATE INDEX articles_visible_by_source ON articles (source_id, visible_from DESC, id DESC) WHERE visible_from IS NOT NULL;
CREATE INDEX articles_visible_by_language ON articles (language, visible_from DESC, id DESC) WHERE visible_from IS NOT NULL;
CREATE INDEX articles_scheduled_by_time ON articles (visible_from) WHERE status = 'SCHEDULED';

CREATE OR REPLACE FUNCTION article_tags_take_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.visible_from INTO NEW.visible_at FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION article_search_take_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.visible_from INTO NEW.visible_at FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION articles_spread_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tags SET visible_at = NEW.visible_from WHERE article_id = NEW.id;
    UPDATE article_search SET visible_at = NEW.visible_from WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

DROP TRIGGER articles_visibility ON articles;
CREATE TRIGGER articles_visibility AFTER UPDATE OF status, published_at, deleted_at ON articles
    FOR EACH ROW
    WHEN (OLD.visible_from IS DISTINCT FROM NEW.visible_from)
    EXECUTE FUNCTION articles_spread_visibility();

ANALYZE articles;
