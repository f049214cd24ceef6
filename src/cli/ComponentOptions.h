#pragma once
// The extraction-pipeline options 'skein extract' and 'skein ingest' share: --components to
// choose and order the components, --component-option to set one component's option, and a
// --help epilog listing the known components and the default pipeline.

#include <string>
#include <vector>

#include "cli/ArgParser.h"
#include "extract/Extractor.h"

namespace skein::cli {

struct ComponentFlags {
  std::vector<std::string> components;  // empty = the default pipeline
  std::vector<std::string> settings;    // NAME.KEY=VALUE
};

// Adds --components and --component-option bound to `flags`, and the epilog.
void add_component_options(ArgParser& parser, ComponentFlags& flags);

// Extractor options for these directories and flags. Throws UsageError for a malformed
// --component-option or a pipeline check_pipeline() rejects.
extract::ExtractorOptions extractor_options(const std::string& data_dir,
                                            const std::string& rules_dir,
                                            const ComponentFlags& flags);

}  // namespace skein::cli
