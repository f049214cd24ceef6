-- Skein store, schema version 9: whether a mention's document describes what its entity is
-- (Mention::described: "US supermarket giant Wal-Mart"), not a tagger's reading alone. The
-- label vote (docs/corrections.md, "Label votes") lets a label only such documents give decide
-- a name. Stores written before it read 0 for every mention: their votes are as before until
-- their documents are ingested again.
ALTER TABLE mentions ADD COLUMN described INTEGER NOT NULL DEFAULT 0;
