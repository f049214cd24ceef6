-- Skein store, schema version 1: the property graph and the documents it came from.
-- Applied by the store on open (see schema/README.md); never edit a released migration,
-- add the next numbered file instead.
--
-- Conventions: every column the upserts match on is NOT NULL (NULLs are distinct in a UNIQUE
-- index, so a NULL key would let duplicates in); byte offsets are UTF-8 byte offsets into
-- documents.text, end exclusive; dates are ISO 8601 text ('' when unknown); props columns hold
-- a JSON object as TEXT.

-- One row per input document, keyed by its uri. `text` is the cleaned text exactly as
-- extraction saw it: mentions and evidence point into it by byte offset. It is the last column
-- so that reading the other columns never touches its overflow pages.
CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  uri         TEXT NOT NULL UNIQUE,
  doc_id      TEXT NOT NULL DEFAULT '',
  sha256      TEXT NOT NULL,
  title       TEXT NOT NULL DEFAULT '',
  published   TEXT NOT NULL DEFAULT '',
  ingested_at TEXT NOT NULL,
  text_bytes  INTEGER NOT NULL,
  text        TEXT NOT NULL
);

-- One row per real thing: unique per (label, key), where key is extraction's canonical key.
CREATE TABLE nodes (
  id    INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  key   TEXT NOT NULL,
  name  TEXT NOT NULL,
  props TEXT NOT NULL DEFAULT '{}',
  UNIQUE (label, key)
);
CREATE INDEX nodes_name ON nodes (name COLLATE NOCASE);
CREATE INDEX nodes_key ON nodes (key COLLATE NOCASE);

-- Other names of a node, the union over every document that named it.
CREATE TABLE aliases (
  node  INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY (node, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_alias ON aliases (alias COLLATE NOCASE);

-- Relation types seen or declared, and whether they are symmetric. Symmetric edges are
-- stored once, with src < dst.
CREATE TABLE relation_types (
  type      TEXT PRIMARY KEY,
  symmetric INTEGER NOT NULL DEFAULT 0 CHECK (symmetric IN (0, 1))
) WITHOUT ROWID;
INSERT INTO relation_types (type, symmetric) VALUES ('met-with', 1), ('trades-with', 1);

-- One row per (type, src, dst). weight, confidence, the basis flags and the seen dates are a
-- cache of what the edge's evidence rows say; the store keeps them current on every write.
CREATE TABLE edges (
  id              INTEGER PRIMARY KEY,
  type            TEXT NOT NULL,
  src             INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  dst             INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  symmetric       INTEGER NOT NULL DEFAULT 0,
  props           TEXT NOT NULL DEFAULT '{}',
  weight          REAL NOT NULL DEFAULT 0,    -- number of evidence rows
  confidence      REAL NOT NULL DEFAULT 0,    -- noisy-or: 1 - prod(1 - evidence.confidence)
  text_basis      INTEGER NOT NULL DEFAULT 0, -- 1 when some evidence has basis 'text'
  knowledge_basis INTEGER NOT NULL DEFAULT 0, -- 1 when some evidence has basis 'knowledge'
  first_seen      TEXT NOT NULL DEFAULT '',   -- earliest / latest published date of the
  last_seen       TEXT NOT NULL DEFAULT '',   -- evidence documents ('' when none is dated)
  UNIQUE (type, src, dst)
);
CREATE INDEX edges_src ON edges (src);
CREATE INDEX edges_dst ON edges (dst);

-- Where a node is named: one row per mention (the text is cut from the document on read).
CREATE TABLE mentions (
  node       INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  document   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  byte_start INTEGER NOT NULL,
  byte_end   INTEGER NOT NULL,
  PRIMARY KEY (node, document, byte_start)
) WITHOUT ROWID;
CREATE INDEX mentions_document ON mentions (document);

-- Why an edge exists: one row per supporting sentence (or, for basis 'knowledge', the mention
-- the gazetteer fact hangs on). props holds the relation's own properties from that document
-- (role, modality, ...).
CREATE TABLE evidence (
  id         INTEGER PRIMARY KEY,
  edge       INTEGER NOT NULL REFERENCES edges (id) ON DELETE CASCADE,
  document   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  byte_start INTEGER NOT NULL,
  byte_end   INTEGER NOT NULL,
  rule       TEXT NOT NULL DEFAULT '',
  basis      TEXT NOT NULL DEFAULT 'text' CHECK (basis IN ('text', 'knowledge')),
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  props      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX evidence_edge ON evidence (edge);
CREATE INDEX evidence_document ON evidence (document);

-- ---- readable views for plain sqlite3 users ------------------------------------------------
-- substr() counts characters on TEXT, so spans are cut from the text cast to BLOB (bytes).

CREATE VIEW v_nodes AS
SELECT n.id, n.label, n.key, n.name,
       (SELECT group_concat(a.alias, '; ') FROM aliases a WHERE a.node = n.id) AS aliases,
       (SELECT count(*) FROM mentions m WHERE m.node = n.id) AS mentions,
       (SELECT count(DISTINCT m.document) FROM mentions m WHERE m.node = n.id) AS documents,
       (SELECT count(*) FROM edges e WHERE e.src = n.id OR e.dst = n.id) AS degree,
       n.props
FROM nodes n;

CREATE VIEW v_edges AS
SELECT e.id, e.type, s.name AS source, t.name AS target, s.label AS source_label,
       t.label AS target_label, e.weight, round(e.confidence, 4) AS confidence, e.symmetric,
       e.first_seen, e.last_seen, e.props
FROM edges e JOIN nodes s ON s.id = e.src JOIN nodes t ON t.id = e.dst;

CREATE VIEW v_evidence AS
SELECT v.id, v.edge, e.type, s.name AS source, t.name AS target, d.uri, d.published, v.rule,
       v.basis, v.confidence,
       CAST(substr(CAST(d.text AS BLOB), v.byte_start + 1, v.byte_end - v.byte_start) AS TEXT)
         AS sentence
FROM evidence v
JOIN edges e ON e.id = v.edge
JOIN nodes s ON s.id = e.src
JOIN nodes t ON t.id = e.dst
JOIN documents d ON d.id = v.document;

CREATE VIEW v_mentions AS
SELECT m.node, n.label, n.name, d.uri, m.byte_start, m.byte_end,
       CAST(substr(CAST(d.text AS BLOB), m.byte_start + 1, m.byte_end - m.byte_start) AS TEXT)
         AS text
FROM mentions m JOIN nodes n ON n.id = m.node JOIN documents d ON d.id = m.document;

-- A node whose display name gives way to a fuller one keeps the old name as an alias.
CREATE TRIGGER nodes_keep_old_name AFTER UPDATE OF name ON nodes
WHEN OLD.name <> NEW.name
BEGIN
  INSERT OR IGNORE INTO aliases (node, alias) VALUES (OLD.id, OLD.name);
END;
