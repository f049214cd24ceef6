-- Skein store, schema version 4: reserved for the entity-resolution branch (issue #14), which
-- owns this number. This placeholder only keeps the numbering without gaps on the corrections
-- branch; when both branches meet, the resolution branch's 004 file replaces it.
SELECT 1;
