-- Skein store, schema version 6: reserved for the resolve2 branch's migration; a no-op here so
-- that 007 follows without a gap. Drop this file when merging that branch's 006.
SELECT 1;
