-- The database's own share of a bulk import, with no service in the way: the rows that importing
-- one article writes (the article, its search vector, its tags, the first revision, the audit entry
-- and the ingest record), written set-based, rows :lo to :hi of import_floor_source in one transaction.
-- INSERT ... SELECT is the cheapest way SQL offers to write them; the bulk import can only be slower.
-- The body is rebuilt (|| '') so PostgreSQL compresses it anew, and the vector is parsed from its
-- text, as for an import.
BEGIN;
INSERT INTO articles (id, slug, slug_key, language, status, headline, body_html, excerpt, source_id, published_at,
                      created_at, updated_at, version, external_id)
SELECT id, slug, slug_key, language, 'PUBLISHED', headline, body_html || '', excerpt, source_id, now(), now(), now(), 0, uri
FROM import_floor_source WHERE n BETWEEN :lo AND :hi;
INSERT INTO article_search (article_id, search_vector)
SELECT id, vector_text::tsvector FROM import_floor_source WHERE n BETWEEN :lo AND :hi;
INSERT INTO article_tags (article_id, position, tag_id)
SELECT id, position, tag_id FROM import_floor_tags WHERE n BETWEEN :lo AND :hi;
INSERT INTO article_revisions (article_id, number, created_at, actor_name, change, snapshot)
SELECT id, 1, now(), 'import-floor', 'imported',
       jsonb_build_object('headline', headline, 'bodyHtml', body_html || '', 'excerpt', excerpt, 'slug', slug, 'language', language)
FROM import_floor_source WHERE n BETWEEN :lo AND :hi;
INSERT INTO audit_log (at, actor_name, action, target_type, target_id, article_id, details)
SELECT now(), 'import-floor', 'article.imported', 'article', id, id, jsonb_build_object('slug', slug, 'status', 'PUBLISHED')
FROM import_floor_source WHERE n BETWEEN :lo AND :hi;
INSERT INTO ingested_documents (uri, article_id, version_created, content_hash, ingested_at)
SELECT uri, id, now(), md5(body_html), now() FROM import_floor_source WHERE n BETWEEN :lo AND :hi;
COMMIT;
