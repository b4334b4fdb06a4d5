-- Scheduled unpublishing: "visible to readers" becomes a window, [visible_from, visible_until).
-- unpublish_at is the editor's plan; visible_until is the rule's reading of it (only an article that
-- is visible at all can stop being visible), computed by PostgreSQL like visible_from, so readers
-- stop seeing the article at that moment whether or not the unpublishing job has run.
-- Queries still say "visible now" only through io.newsroom.article.ReaderVisibility.

ALTER TABLE articles ADD COLUMN unpublish_at timestamptz;

CREATE FUNCTION article_visible_until(status text, published_at timestamptz, unpublish_at timestamptz, deleted_at timestamptz)
    RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN article_visible_from(status, published_at, deleted_at) IS NOT NULL THEN unpublish_at END
$$;

ALTER TABLE articles ADD COLUMN visible_until timestamptz
    GENERATED ALWAYS AS (article_visible_until(status, published_at, unpublish_at, deleted_at)) STORED;

-- The unpublishing job takes what has ended; the response cache asks when the next window closes.
CREATE INDEX articles_visible_until ON articles (visible_until) WHERE visible_until IS NOT NULL;

-- The copies that public queries read without joining articles carry both ends of the window.
ALTER TABLE article_tags ADD COLUMN visible_until timestamptz;
ALTER TABLE article_search ADD COLUMN visible_until timestamptz;

CREATE OR REPLACE FUNCTION article_tags_take_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.visible_from, a.visible_until INTO NEW.visible_at, NEW.visible_until FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION article_search_take_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.visible_from, a.visible_until INTO NEW.visible_at, NEW.visible_until FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION articles_spread_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tags SET visible_at = NEW.visible_from, visible_until = NEW.visible_until WHERE article_id = NEW.id;
    UPDATE article_search SET visible_at = NEW.visible_from, visible_until = NEW.visible_until WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

DROP TRIGGER articles_visibility ON articles;
CREATE TRIGGER articles_visibility AFTER UPDATE OF status, published_at, deleted_at, unpublish_at ON articles
    FOR EACH ROW
    WHEN (OLD.visible_from IS DISTINCT FROM NEW.visible_from OR OLD.visible_until IS DISTINCT FROM NEW.visible_until)
    EXECUTE FUNCTION articles_spread_visibility();
