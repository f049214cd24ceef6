-- Skein store, schema version 5: corrections a user made (`skein correct`, docs/corrections.md).
--
-- A correction is a rule about entity ids (Label:key), kept here so that it outlives the rows it
-- changed: put() re-applies every rule to each document it files (a merged entity's mentions go
-- to the survivor, a renamed node keeps its name, a removed alias stays removed, ...), `skein
-- merge` copies the rules before the documents, and `skein correct export` writes them out.
--
--   op            entity               value                 snapshot
--   merge         the absorbed id      the survivor's id     the absorbed node as it was:
--                                                            {name, props, aliases, gained}
--   rename        the entity's id      the new name          {}
--   relabel       the entity's old id  the new label         {}
--   alias-add     the entity's id      the alias             {}
--   alias-remove  the entity's id      the alias             {}
--   distinct      one entity's id      the other's id        {"names": [its name, the other's]}
CREATE TABLE corrections (
  id         INTEGER PRIMARY KEY,
  op         TEXT NOT NULL
             CHECK (op IN ('merge', 'rename', 'relabel', 'alias-add', 'alias-remove', 'distinct')),
  entity     TEXT NOT NULL,
  value      TEXT NOT NULL,
  snapshot   TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  UNIQUE (op, entity, value)
);

-- Where a row was filed under another node than the entity extraction named (a merge or
-- relabel redirected it), the entity id extraction gave; '' when it is the node's own. This is
-- what lets a merge be undone after later documents were filed through it.
ALTER TABLE mentions ADD COLUMN entity TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN src_entity TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN dst_entity TEXT NOT NULL DEFAULT '';
