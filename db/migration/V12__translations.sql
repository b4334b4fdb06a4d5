-- Translations: articles telling one story in several languages form a group, named by the id of
-- its original (the article the others were linked to as translations). At most one article per
-- language in a group, deleted ones aside (they no longer speak for the group, and a new translation
-- may take their place).
ALTER TABLE articles ADD COLUMN translation_group uuid;
CREATE UNIQUE INDEX articles_one_language_per_translation_group ON articles (translation_group, language)
    WHERE translation_group IS NOT NULL AND deleted_at IS NULL;
-- Readers' pages list a group's published members (the content API, sitemaps' hreflang links).
CREATE INDEX articles_by_translation_group ON articles (translation_group) WHERE translation_group IS NOT NULL;
