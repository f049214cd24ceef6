-- Skein store, schema version 8: work a write command owes the whole store after storing its
-- documents (today only 'label votes', docs/corrections.md). The row is written in the same
-- transaction as the document that makes the work due and deleted in the transaction that does
-- the work, so a command killed between the two leaves the debt on record and the next write
-- command pays it, even one that finds no new document.
CREATE TABLE pending_work (
  task TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;
