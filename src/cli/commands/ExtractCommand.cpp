// skein extract: documents in, one extraction JSON object per line out; no store. A clean
// filter for shell pipelines and for running the map step of a large job elsewhere.

#include <fstream>
#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/ComponentOptions.h"
#include "cli/InputOptions.h"
#include "core/Error.h"
#include "core/ExtractionJson.h"
#include "core/Utf8.h"
#include "extract/Extractor.h"
#include "ingest/DocumentSource.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  std::string data_dir, rules_dir, output;
  ComponentFlags component_flags;
  ingest::ReadOptions read_options;
  ArgParser parser("extract [options] [PATH|-]...",
                   "Extracts entities and relations and writes one JSON object per document to\n"
                   "stdout (the contract 'skein load' reads). Reads stdin when no PATH is given.");
  parser.option("--data", "DIR", "knowledge resources (default: the bundled data/)", data_dir)
      .option("--rules", "DIR", "relation rule files (default: the bundled schema/)", rules_dir)
      .option("-o,--output", "FILE", "write to FILE instead of stdout", output);
  add_input_options(parser, read_options);
  add_component_options(parser, component_flags);
  parser.positionals("PATH...",
                     "text, HTML, PDF, CSV/TSV or JSONL files, directories, or - for stdin", paths,
                     0, 0);
  if (!parser.parse(args)) return 0;
  if (paths.empty()) paths.push_back("-");

  extract::Extractor extractor(extractor_options(data_dir, rules_dir, component_flags));
  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) throw InputError(output, "cannot open for writing");
  }
  std::ostream& out = output.empty() ? std::cout : file;
  ingest::DocumentSource source(paths, read_options);
  Diagnostics diagnostics;
  std::size_t failed = 0;
  auto report = [&] {
    for (const auto& diagnostic : diagnostics) {
      std::cerr << "skein extract: " << utf8::printable(diagnostic.to_string()) << "\n";
    }
    failed += diagnostics.size();
    diagnostics.clear();
  };
  while (auto document = source.next(diagnostics)) {
    report();
    std::string line = to_json_line(extractor.extract(*document));
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
  report();
  report_skipped_notes(source, "extract");
  out.flush();
  if (!out) throw Error("cannot write to " + (output.empty() ? std::string("stdout") : output));
  return failed > 0 ? exit_code::kInputOrStore : exit_code::kSuccess;
}

const bool registered =
    register_command({"extract", "extract to JSON lines on stdout (no store)", run});

}  // namespace
}  // namespace skein::cli
