-- Search vectors move from articles to a narrow table of their own.
--
-- Public search orders a word's matches by publication time to rank the newest few hundred, so it
-- visits every match's row. An articles row is wide (headline, excerpt, slugs, image, ...): about ten
-- fit a page, and a word found in 17% of a 100,000-article archive cost 8,466 page visits and 57 ms.
-- Here about a hundred rows fit a page (the vector itself lies in TOAST until ranking reads it):
-- EXPLAIN ANALYZE over 400 benchmark queries, mean 5.0-6.0 ms before, 3.8-4.4 ms after; the slowest
-- 71-77 ms before, 32-36 ms after.
--
-- visible_at copies article_tags.visible_at's rule (V5): the publication time while readers may
-- see the article (published, or scheduled: readers see it from its time on), NULL otherwise.
-- Triggers keep it, so every way an article is written (JPA, bulk import, SQL) keeps it right. No
-- change notification of its own (V3): a row here changes only with its article, which sends one.
CREATE TABLE article_search (
    article_id    uuid PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    visible_at    timestamptz,
    search_vector tsvector NOT NULL DEFAULT ''
);
-- A vector hardly compresses; EXTERNAL spares every write a compression attempt that fails (as V6).
ALTER TABLE article_search ALTER COLUMN search_vector SET STORAGE EXTERNAL;

INSERT INTO article_search (article_id, visible_at, search_vector)
SELECT id, CASE WHEN deleted_at IS NULL AND status IN ('PUBLISHED', 'SCHEDULED') THEN published_at END, search_vector
FROM articles;

ALTER TABLE articles DROP COLUMN search_vector; -- and its index, articles_search

CREATE INDEX article_search_vector ON article_search USING gin (search_vector);

CREATE FUNCTION article_search_take_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT CASE WHEN a.deleted_at IS NULL AND a.status IN ('PUBLISHED', 'SCHEDULED') THEN a.published_at END
    INTO NEW.visible_at
    FROM articles a WHERE a.id = NEW.article_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER article_search_visibility BEFORE INSERT ON article_search
    FOR EACH ROW EXECUTE FUNCTION article_search_take_visibility();

CREATE OR REPLACE FUNCTION articles_spread_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    visible timestamptz := CASE WHEN NEW.deleted_at IS NULL AND NEW.status IN ('PUBLISHED', 'SCHEDULED') THEN NEW.published_at END;
BEGIN
    UPDATE article_tags SET visible_at = visible WHERE article_id = NEW.id;
    UPDATE article_search SET visible_at = visible WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;
