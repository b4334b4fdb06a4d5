-- Every committed change to what readers can see is announced on the channel newsroom_content,
-- whatever made it (admin API, ingest, a bulk COPY, SQL by hand). Each instance of the service
-- LISTENs and drops its cached public responses, so a change shows on all of them at once.
-- Statement-level triggers and PostgreSQL's folding of equal notifications within a transaction
-- keep this to one message per transaction, delivered only when it commits.

CREATE FUNCTION notify_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('newsroom_content', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
CREATE TRIGGER article_tags_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_tags
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
CREATE TRIGGER related_articles_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON related_articles
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
CREATE TRIGGER tags_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tags
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
CREATE TRIGGER tag_aliases_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tag_aliases
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
CREATE TRIGGER sources_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sources
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
CREATE TRIGGER article_former_slugs_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_former_slugs
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();

-- The next moment a scheduled article becomes visible without any write: cached responses expire then.
CREATE INDEX articles_scheduled_by_time ON articles (published_at) WHERE status = 'SCHEDULED' AND deleted_at IS NULL;
