-- Skein store, schema version 7: reserved for the house branch's migration
-- (007_relation_types_from_ontology.sql); a no-op here so that 008 follows without a gap. Drop
-- this file when merging that branch.
SELECT 1;
