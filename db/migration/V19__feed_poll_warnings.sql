-- What the last poll that read a feed had to say (a charset named nowhere, characters XML forbids that
-- were removed, an item kept as a draft because its bytes could not be decoded): a background poll's
-- report had nowhere to go, so an editor could not learn why an item was a draft.
ALTER TABLE source_feeds ADD COLUMN last_warnings text[] NOT NULL DEFAULT '{}';
