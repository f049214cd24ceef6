-- Skein store, schema version 6: relation symmetry comes from the ontology alone.
--
-- 001_initial.sql pre-filled relation_types with met-with and trades-with as symmetric: a second
-- home of a rule whose home is schema/ontology.rules (src/README.md, "One home for each rule").
-- 001 is history, applied to every store there is, so it stays as it was; this migration takes
-- the pre-fill back instead. Ingest and load declare every ontology type before their first
-- write (pipeline::declare_relation_types), so a new store still files met-with and trades-with
-- as symmetric, now because the ontology says so, and a type the ontology adds or changes
-- needs no migration.
--
-- Only a store that holds nothing yet loses the two rows (a new one, just made by 001): a store
-- with documents or with edges of those types keeps its rows as they are, because its edges
-- were filed by them and re-filing is what declaring the ontology does, not a migration.
DELETE FROM relation_types
WHERE type IN ('met-with', 'trades-with') AND symmetric = 1
  AND NOT EXISTS (SELECT 1 FROM documents)
  AND NOT EXISTS (SELECT 1 FROM edges WHERE edges.type = relation_types.type);
