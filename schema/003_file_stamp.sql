-- Skein store, schema version 3: the size and modification time (ns since the epoch) of the
-- file a document was read from, so a re-run of ingest can skip a file whose path, size and
-- mtime are unchanged without reading or hashing it. NULL for documents that are not a whole
-- file (JSON Lines records, stdin, `skein load` / `skein merge`) and for rows stored before
-- version 3: those are read and hashed as before.

ALTER TABLE documents ADD COLUMN file_size INTEGER;
ALTER TABLE documents ADD COLUMN file_mtime_ns INTEGER;

-- The stamp check of a re-run reads only this index: the new columns sit after `text` in the
-- table's rows, so reading them there would page in every document's text. Partial: rows
-- without a stamp (a JSONL corpus) would only add a second copy of every uri (40 MB for a
-- million documents); `file_size = ?` implies the index's condition, so it still serves.
CREATE INDEX documents_file_stamp ON documents (uri, file_size, file_mtime_ns)
  WHERE file_size IS NOT NULL;
