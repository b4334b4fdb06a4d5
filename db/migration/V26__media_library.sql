-- Photos: the media library (module media). One row per distinct original file (content_hash, the
-- SHA-256 of its bytes, makes the same photo uploaded twice one item). Width and height are those
-- readers see (EXIF orientation applied). The files themselves (the original, kept for editors, and
-- the re-encoded renditions readers get) live in the media store: local disk or an S3-compatible bucket.
CREATE TABLE media (
    id           uuid PRIMARY KEY,
    content_hash char(64)    NOT NULL UNIQUE,
    content_type text        NOT NULL,
    width        integer     NOT NULL CHECK (width > 0),
    height       integer     NOT NULL CHECK (height > 0),
    bytes        bigint      NOT NULL CHECK (bytes > 0),
    caption      text,
    credit       text,
    copyright    text,
    alt          text,
    -- the point every crop is centred on, as fractions of width and height from the top left
    focal_x      double precision        NOT NULL DEFAULT 0.5 CHECK (focal_x BETWEEN 0 AND 1),
    focal_y      double precision        NOT NULL DEFAULT 0.5 CHECK (focal_y BETWEEN 0 AND 1),
    -- where a fetched photo came from (an editor's URL, a feed item's or ninjs document's image)
    source_url   text,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- the library lists newest first, with (created_at, id) cursors
CREATE INDEX media_newest ON media (created_at DESC, id DESC);
