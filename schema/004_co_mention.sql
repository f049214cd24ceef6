-- Skein store, schema version 4: co-mention, a layer of links apart from the typed relations.
-- Two entities named in the same sentence are linked; each such sentence is one row, so a
-- pair's count and its sentences come from the same rows. put() writes them from the
-- extraction's sentences and mentions (at most the first 8 distinct entities of a sentence:
-- 28 pairs, so a long list of countries costs a bounded number of rows) and replaces them
-- with the document's other rows. Entities named in the same document but not in one sentence
-- are the weaker link: read from the mentions table when asked, never stored (a document
-- naming 30 entities would add 435 pairs).

-- One row per linked pair, a < b (node ids). Readers show the pair as edge id -id.
CREATE TABLE co_mentions (
  id INTEGER PRIMARY KEY,
  a  INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  b  INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  CHECK (a < b),
  UNIQUE (a, b)
);
CREATE INDEX co_mentions_b ON co_mentions (b);

-- One row per sentence naming both ends of a pair: the sentence's byte span in the document.
CREATE TABLE co_mention_sentences (
  pair       INTEGER NOT NULL REFERENCES co_mentions (id) ON DELETE CASCADE,
  document   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  byte_start INTEGER NOT NULL,
  byte_end   INTEGER NOT NULL,
  PRIMARY KEY (pair, document, byte_start)
) WITHOUT ROWID;
CREATE INDEX co_mention_sentences_document ON co_mention_sentences (document);

CREATE VIEW v_co_mentions AS
SELECT c.id, s.name AS source, t.name AS target, count(*) AS sentences,
       count(DISTINCT v.document) AS documents
FROM co_mentions c
JOIN co_mention_sentences v ON v.pair = c.id
JOIN nodes s ON s.id = c.a
JOIN nodes t ON t.id = c.b
GROUP BY c.id;
