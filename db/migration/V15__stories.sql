-- One story, several sources. An article that tells the same story as another joins that story:
-- story_lead_id names the article that stands for the story (the lead, whose own story_lead_id is
-- NULL), and readers see the story once, through its lead, with the others as "also reported by".
-- So "visible to readers" gains one condition, in the one function that defines it: a member of a
-- story is never visible on its own. visible_from is generated from that function, so it is made
-- anew (PostgreSQL 15 cannot change a generated column's expression), with its indexes and trigger.

ALTER TABLE articles ADD COLUMN story_lead_id uuid REFERENCES articles (id) ON DELETE SET NULL,
    ADD CONSTRAINT articles_story_lead_is_another CHECK (story_lead_id <> id);
CREATE INDEX articles_story_members ON articles (story_lead_id) WHERE story_lead_id IS NOT NULL;

CREATE FUNCTION article_visible_from(status text, published_at timestamptz, deleted_at timestamptz, story_lead_id uuid)
    RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN story_lead_id IS NULL THEN article_visible_from(status, published_at, deleted_at) END
$$;

DROP TRIGGER articles_visibility ON articles;
ALTER TABLE articles DROP COLUMN visible_from; -- takes its four indexes with it
ALTER TABLE articles ADD COLUMN visible_from timestamptz
    GENERATED ALWAYS AS (article_visible_from(status, published_at, deleted_at, story_lead_id)) STORED;

CREATE INDEX articles_visible_by_time ON articles (visible_from DESC, id DESC) WHERE visible_from IS NOT NULL;
CREATE INDEX articles_visible_by_source ON articles (source_id, visible_from DESC, id DESC) WHERE visible_from IS NOT NULL;
CREATE INDEX articles_visible_by_language ON articles (language, visible_from DESC, id DESC) WHERE visible_from IS NOT NULL;
-- The scheduling job finds due articles by the lifecycle's part alone: a scheduled story member is
-- published at its time too (then its lead lists it), though readers never see it on its own.
CREATE INDEX articles_scheduled_by_time ON articles (article_visible_from(status, published_at, deleted_at)) WHERE status = 'SCHEDULED';

CREATE TRIGGER articles_visibility AFTER UPDATE OF status, published_at, deleted_at, unpublish_at, story_lead_id ON articles
    FOR EACH ROW
    WHEN (OLD.visible_from IS DISTINCT FROM NEW.visible_from OR OLD.visible_until IS DISTINCT FROM NEW.visible_until)
    EXECUTE FUNCTION articles_spread_visibility();

ANALYZE articles;
