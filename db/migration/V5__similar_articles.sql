-- Similar articles are found through shared tags. For each tag, the newest visible articles that
-- carry it must be reachable without reading all of them (a popular tag is on 50,000+ articles), so
-- article_tags keeps a copy of its article's visibility: visible_at is the article's published_at
-- while it is PUBLISHED or SCHEDULED and not deleted, NULL otherwise. Triggers keep it true whatever
-- writes the rows (JPA, the bulk import, SQL by hand); readers still compare it with now(), as the
-- content API's visibility rule does for scheduled articles.

ALTER TABLE article_tags ADD COLUMN visible_at timestamptz;

UPDATE article_tags at SET visible_at = a.published_at
FROM articles a
WHERE a.id = at.article_id AND a.deleted_at IS NULL AND a.status IN ('PUBLISHED', 'SCHEDULED');

CREATE INDEX article_tags_visible_by_tag ON article_tags (tag_id, visible_at DESC) INCLUDE (article_id)
    WHERE visible_at IS NOT NULL;

CREATE FUNCTION article_tags_take_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT CASE WHEN a.deleted_at IS NULL AND a.status IN ('PUBLISHED', 'SCHEDULED') THEN a.published_at END
    INTO NEW.visible_at
    FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER article_tags_visibility BEFORE INSERT OR UPDATE OF article_id ON article_tags
    FOR EACH ROW EXECUTE FUNCTION article_tags_take_visibility();

CREATE FUNCTION articles_spread_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tags
    SET visible_at = CASE WHEN NEW.deleted_at IS NULL AND NEW.status IN ('PUBLISHED', 'SCHEDULED') THEN NEW.published_at END
    WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_visibility AFTER UPDATE OF status, published_at, deleted_at ON articles
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at
          OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
    EXECUTE FUNCTION articles_spread_visibility();
