-- An article's summary as lists show it (similar articles), finished JSON stored beside the article
-- (io.newsroom.content.cache.StoredSummaries owns it), served under the same rule as article_renderings:
-- only while the article is visible and its shown_stamp is the one the summary was made from. A summary
-- shows no other article, so it needs no valid_until. A similar list then reads ten stored documents
-- instead of aggregating ten articles' tags and writing them anew (bench/content-floor.sh: the list's
-- statements on PostgreSQL alone 6,417 lists/s against 8,422 with stored summary documents).
CREATE TABLE article_summaries (
    article_id  uuid PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    shown_stamp bigint NOT NULL,
    -- which build rendered it: one that renders summaries otherwise renders them anew
    renderer    text   NOT NULL,
    body        bytea  NOT NULL
);
