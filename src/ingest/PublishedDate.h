#pragma once
// Normalises a "published" value from JSON Lines input to the ISO 8601 calendar date
// (YYYY-MM-DD) that Document::published holds.
//
// Accepted: "YYYY-MM-DD", "YYYYMMDD", and either followed by a time part introduced by 'T',
// 't' or a space ("2024-05-01T09:30:00+09:00", "2024-05-01 09:30"). The date is kept as
// written: a time zone offset never moves it to another day (the writer's local date is the
// publication date a reader saw). Month and day are checked against the calendar (leap years
// included). Anything else ("May 1, 2024", "2024-05", "2024-02-30", epoch numbers) gives an
// empty string: the document is still read, with no date, and no Diagnostic (an unknown date
// is a normal state for a document, not a failure to read it).
//
// Thread-safety: pure function.

#include <string>
#include <string_view>

namespace skein::ingest {

std::string normalize_published_date(std::string_view value);

}  // namespace skein::ingest
