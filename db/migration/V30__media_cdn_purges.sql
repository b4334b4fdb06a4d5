-- A deleted photo leaves every cache: its renditions carry the key "media-<content hash>"
-- (media.web.RenditionHeaders), and deleting its row writes that purge in the same transaction, as
-- V29 does for articles. Renditions are immutable under their URLs, so nothing else about a photo
-- ever needs purging: a moved focal point or a new caption names new files or changes articles.
-- The purge is sent twice: at once, and again once every other instance has forgotten the files it
-- sent a moment ago (media.ServedRenditions.RECHECK, 10 s), so that a cache refilled from one of them
-- in between does not keep the photo for the year its headers allow.
CREATE FUNCTION cdn_purge_deleted_media() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF cdn_purges_wanted() THEN
        INSERT INTO cdn_purges (purge_key, due_at)
        SELECT DISTINCT 'media-' || content_hash, moment
        FROM gone, (VALUES (now()), (now() + interval '11 seconds')) AS moments (moment);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER media_cdn_purge_delete AFTER DELETE ON media REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION cdn_purge_deleted_media();
