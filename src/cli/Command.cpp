#include "cli/Command.h"

#include <algorithm>

namespace skein::cli {
namespace {

// A function-local static avoids the static initialisation order problem: registrations run
// from other translation units' static initialisers.
std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}

}  // namespace

bool register_command(Command command) {
  auto& all = registry();
  all.push_back(std::move(command));
  std::sort(all.begin(), all.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  return true;
}

const std::vector<Command>& commands() { return registry(); }

}  // namespace skein::cli
