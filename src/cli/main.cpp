// skein: the command-line entry point. It only dispatches to a registered command and maps
// errors to exit codes (0 success, 1 usage error, 2 input or store error); the commands own
// no pipeline logic either: they wire the modules together.

#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "core/Error.h"
#include "core/Utf8.h"

namespace {

void print_overview() {
  std::cout << "usage: skein [--db FILE] COMMAND [options] [arguments]\n\n"
               "Skein builds a knowledge graph of the people, organisations, countries and places\n"
               "in a pile of documents, with the sentences behind every relation, in one SQLite\n"
               "file (default: skein.db in the current directory).\n\ncommands:\n";
  for (const auto& command : skein::cli::commands()) {
    std::string padded = command.name;
    padded.resize(std::max<std::size_t>(padded.size() + 2, 14), ' ');
    std::cout << "  " << padded << command.summary << "\n";
  }
  std::cout << "\nRun 'skein COMMAND --help' for a command's options.\n"
               "Exit codes: 0 success, 1 usage error, 2 input or store error.\n";
}

// An error message for the terminal: control characters escaped, except the line breaks of a
// message that lists choices (an ambiguous entity's candidates), which stay line breaks.
std::string printable_message(const std::string& message) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const auto end = message.find('\n', start);
    out += skein::utf8::printable(std::string_view(message).substr(start, end - start));
    if (end == std::string::npos) return out;
    out += '\n';
    start = end + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Past a file-size limit (ulimit -f) the kernel sends SIGXFSZ, whose default action kills us
  // mid-write with no message. Ignored, the write fails with EFBIG instead and SQLite reports
  // a disk I/O error that the command turns into a one-line error and exit code 2.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  // Global options may come before the command name; they are handed to the command.
  std::vector<std::string> global;
  std::size_t i = 0;
  while (i < args.size() && args[i].rfind("--db", 0) == 0) {
    global.push_back(args[i]);
    if (args[i] == "--db" && i + 1 < args.size()) global.push_back(args[++i]);
    ++i;
  }
  if (i >= args.size() || args[i] == "--help" || args[i] == "-h" || args[i] == "help") {
    print_overview();
    return i >= args.size() ? skein::exit_code::kUsage : skein::exit_code::kSuccess;
  }
  if (args[i] == "--version") {
    std::cout << "skein " << SKEIN_VERSION << "\n";
    return skein::exit_code::kSuccess;
  }
  const std::string& name = args[i];
  for (const auto& command : skein::cli::commands()) {
    if (command.name != name) continue;
    std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
    rest.insert(rest.begin(), global.begin(), global.end());
    try {
      return command.run(rest);
    } catch (const skein::UsageError& error) {
      std::cerr << "skein " << name << ": " << skein::utf8::printable(error.what()) << "\n";
      return skein::exit_code::kUsage;
    } catch (const skein::Error& error) {
      std::cerr << "skein " << name << ": " << printable_message(error.what()) << "\n";
      return skein::exit_code::kInputOrStore;
    } catch (const std::bad_alloc&) {
      std::cerr << "skein " << name << ": out of memory\n";
      return skein::exit_code::kInputOrStore;
    } catch (const std::exception& error) {
      // Anything else escaping a command is a bug, but the user still gets one clear line.
      std::cerr << "skein " << name << ": internal error: " << skein::utf8::printable(error.what())
                << "\n";
      return skein::exit_code::kInputOrStore;
    }
  }
  std::vector<std::string> names;
  for (const auto& command : skein::cli::commands()) names.push_back(command.name);
  const std::string suggestion = skein::cli::closest_match(name, names);
  std::cerr << "skein: unknown command '" << skein::utf8::printable(name) << "'"
            << (suggestion.empty() ? " (run 'skein --help' for the list)"
                                   : "; did you mean " + suggestion + "?")
            << "\n";
  return skein::exit_code::kUsage;
}
