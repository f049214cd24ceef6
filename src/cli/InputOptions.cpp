#include "cli/InputOptions.h"

#include <iostream>

#include "core/Utf8.h"

namespace skein::cli {

void add_input_options(ArgParser& parser, ingest::ReadOptions& options) {
  parser
      .option("--text-column", "NAME", "CSV/TSV input: the column holding each document's text",
              options.csv_text_column)
      .option("--id-column", "NAME", "CSV/TSV input: the column holding each document's id",
              options.csv_id_column)
      .option("--title-column", "NAME", "CSV/TSV input: the column holding each document's title",
              options.csv_title_column)
      .option("--date-column", "NAME", "CSV/TSV input: the column holding each document's date",
              options.csv_date_column)
      .list("--include", "GLOB",
            "in directories, read only files matching GLOB (a name like '*.html', or a path below "
            "the "
            "directory like 'politics/*'); repeatable",
            options.include)
      .list("--exclude", "GLOB", "in directories, leave out files matching GLOB; repeatable",
            options.exclude);
}

void report_skipped_notes(const ingest::DocumentSource& source, const std::string& command) {
  const auto& notes = source.skipped_notes();
  if (notes.empty()) return;
  std::string names;
  for (std::size_t i = 0; i < notes.size() && i < 3; ++i) names += (i == 0 ? "" : ", ") + notes[i];
  if (notes.size() > 3) names += ", ...";
  std::cerr << "skein " << command << ": left out " << notes.size() << " note file"
            << (notes.size() == 1 ? "" : "s")
            << " (README, SOURCE, LICENSE and the like: " << utf8::printable(names)
            << "); name them or use --include to read them\n";
}

}  // namespace skein::cli
