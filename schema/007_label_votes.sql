-- Skein store, schema version 7: who made a correction. 'user' for `skein correct` (and the
-- corrections a file or `skein merge` carries over); 'vote' for a merge the store made itself
-- when documents disagree about a name's label and the corpus decides (docs/corrections.md,
-- "Label votes"). Vote merges are recomputed at the end of every write command, never exported
-- nor copied by `skein merge`, and always give way to the user's corrections.
ALTER TABLE corrections ADD COLUMN source TEXT NOT NULL DEFAULT 'user';
