-- Skein store, schema version 2: how each mention names its entity (Mention::kind: name,
-- alias, demonym, short, acronym; '' when extraction did not say).

ALTER TABLE mentions ADD COLUMN kind TEXT NOT NULL DEFAULT '';

DROP VIEW v_mentions;
CREATE VIEW v_mentions AS
SELECT m.node, n.label, n.name, d.uri, m.byte_start, m.byte_end, m.kind,
       CAST(substr(CAST(d.text AS BLOB), m.byte_start + 1, m.byte_end - m.byte_start) AS TEXT)
         AS text
FROM mentions m JOIN nodes n ON n.id = m.node JOIN documents d ON d.id = m.document;
