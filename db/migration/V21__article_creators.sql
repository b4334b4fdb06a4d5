-- The person who created an article (signed in, or through a key of theirs): what a WRITER may
-- see and change in the admin API is their own work (article/WriterScope). created_by keeps naming
-- the key, for articles made with a key.
ALTER TABLE articles ADD COLUMN created_by_person uuid REFERENCES people (id) ON DELETE SET NULL;
CREATE INDEX articles_by_creating_person ON articles (created_by_person, created_at DESC, id DESC) WHERE created_by_person IS NOT NULL;
CREATE INDEX articles_by_creating_key ON articles (created_by, created_at DESC, id DESC) WHERE created_by IS NOT NULL;
