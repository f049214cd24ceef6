#pragma once
// The registry of skein's subcommands. Each command lives in commands/<Name>Command.cpp and
// registers itself with a static `const bool registered = register_command({...});`. The
// skein executable compiles those files directly (not through a static library) so the
// registrations are always linked in.
//
// A command's run() receives the arguments after its name, already including any global
// options given before the name (e.g. `skein --db x.db stats` -> {"--db", "x.db"}). It returns
// the process exit code, or throws skein::Error (main maps UsageError to 1, others to 2).

#include <functional>
#include <string>
#include <vector>

namespace skein::cli {

struct Command {
  std::string name;
  std::string summary;  // one line for `skein --help`
  std::function<int(const std::vector<std::string>& args)> run;
};

bool register_command(Command command);

// Every registered command, sorted by name.
const std::vector<Command>& commands();

}  // namespace skein::cli
