#include "cli/ComponentOptions.h"

#include "extract/Component.h"

namespace skein::cli {

void add_component_options(ArgParser& parser, ComponentFlags& flags) {
  std::string epilog =
      "Extraction components (--components NAME,... runs these in the order given):\n";
  for (const extract::ComponentInfo& info : extract::component_registry()) {
    epilog += "  " + info.name +
              std::string(info.name.size() < 20 ? 20 - info.name.size() : 1, ' ') +
              info.description + "\n";
  }
  epilog += "Default pipeline:";
  for (const std::string& name : extract::default_components()) epilog += " " + name;
  epilog += "\n";
  parser
      .list("--components", "LIST",
            "extraction components to run, in order (default: all, see below)", flags.components)
      .list("--component-option", "NAME.KEY=VALUE",
            "an option of one component (e.g. a model file)", flags.settings)
      .epilog(epilog);
}

extract::ExtractorOptions extractor_options(const std::string& data_dir,
                                            const std::string& rules_dir,
                                            const ComponentFlags& flags) {
  extract::ExtractorOptions options;
  options.data_dir = data_dir;
  options.rules_dir = rules_dir;
  options.components = flags.components;
  for (const std::string& setting : flags.settings) extract::set_component_option(options, setting);
  extract::check_pipeline(options.components, options);  // before any store is opened
  return options;
}

}  // namespace skein::cli
