-- Articles show library photos (module media): image_media_id names the photo, image_alt the
-- article's own alt text; image_caption and image_credit, when set, are the article's own words over
-- the library's. image_url keeps the photo's URL too, so a reader of the row alone has one.
-- The foreign key keeps a photo in use from being deleted (the API answers 409 naming the articles).
ALTER TABLE articles ADD COLUMN image_media_id uuid REFERENCES media (id);
ALTER TABLE articles ADD COLUMN image_alt text;
CREATE INDEX articles_image_media ON articles (image_media_id) WHERE image_media_id IS NOT NULL;

-- What an article shows of its photo (caption, credit, alt text, focal point: the crops' URLs) is
-- part of what it shows: a change to the photo gives the articles showing it new stamps (V16), so
-- their stored renderings are made anew, and tells every instance to drop cached responses (V3).
CREATE FUNCTION media_shown_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_shown_changed(ARRAY(
        SELECT a.id FROM articles a JOIN new_rows n ON a.image_media_id = n.id));
    RETURN NULL;
END
$$;
CREATE TRIGGER media_shown_update AFTER UPDATE ON media REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION media_shown_change();
CREATE TRIGGER media_content_changed AFTER UPDATE OR DELETE OR TRUNCATE ON media
    FOR EACH STATEMENT EXECUTE FUNCTION notify_content_changed();
