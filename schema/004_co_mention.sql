-- Skein store, schema version 4: the sentence of each mention, from which the co-mention
-- layer (entities named in the same sentence, apart from the typed relations) is read.
--
-- Co-mention is derived on read, not stored as pairs: writing a row per pair and sentence at
-- put() cost 31% of ingest time on the BBC corpus (bench/co_mention), two integers per mention
-- cost next to nothing. Readers pair, per sentence, the first 8 distinct entities in text
-- order (at most 28 pairs, however long a list the sentence names).
--
-- sentence_start / sentence_end: byte span of the sentence holding the mention, -1 when the
-- extraction gave no sentences (older JSONL) or the mention straddles a sentence end; rows
-- stored before version 4 keep -1 until their document is ingested again.

ALTER TABLE mentions ADD COLUMN sentence_start INTEGER NOT NULL DEFAULT -1;
ALTER TABLE mentions ADD COLUMN sentence_end INTEGER NOT NULL DEFAULT -1;

-- A sentence's mentions in text order, read from the index alone (node is the rest of the
-- primary key, so it is in every entry). Replaces mentions_document, which it serves too.
DROP INDEX mentions_document;
CREATE INDEX mentions_sentence ON mentions (document, sentence_start, byte_start);
