#pragma once
// The input options `ingest` and `extract` share: CSV/TSV columns and the include/exclude
// globs of directory walks (ingest/DocumentSource.h, CsvReader.h, InputFilter.h say what they
// mean), and the note about README-like files a walk passed over.

#include <string>

#include "cli/ArgParser.h"
#include "ingest/DocumentSource.h"

namespace skein::cli {

// Adds --text-column, --id-column, --title-column, --date-column, --include, --exclude.
void add_input_options(ArgParser& parser, ingest::ReadOptions& options);

// One line on stderr naming the note files a directory walk left out, when there are any.
void report_skipped_notes(const ingest::DocumentSource& source, const std::string& command);

}  // namespace skein::cli
