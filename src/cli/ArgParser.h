#pragma once
// A small declarative command-line parser for skein's subcommands.
//
// Declare options bound to variables (their current values are the defaults shown in --help),
// then parse(). Accepts "--name value", "--name=value", short aliases ("-o FILE"), "--" to end
// options, repeatable list options (also comma-separated), and positionals. parse() throws
// UsageError with a one-line message on anything it does not understand, and returns false
// after printing help when --help/-h is given (the caller then exits 0).
//
// Not thread-safe; one parser per command invocation.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace skein::cli {

// The candidate closest to `word` by edit distance (ignoring case and leading dashes), when it
// is close enough to be a typo (at most a third of its length, and at most 3 edits); else "".
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

class ArgParser {
 public:
  // `usage` is the synopsis after "skein", e.g. "ingest [options] PATH...".
  ArgParser(std::string usage, std::string description);

  // `names` is "--long" or "-s,--long".
  ArgParser& flag(const std::string& names, const std::string& help, bool& out);
  ArgParser& option(const std::string& names, const std::string& metavar, const std::string& help,
                    std::string& out);
  ArgParser& option(const std::string& names, const std::string& metavar, const std::string& help,
                    int& out);
  ArgParser& option(const std::string& names, const std::string& metavar, const std::string& help,
                    double& out);
  // Repeatable; each value may also be a comma-separated list.
  ArgParser& list(const std::string& names, const std::string& metavar, const std::string& help,
                  std::vector<std::string>& out);
  // Positionals collected in order; parse() checks min..max (max 0 = unbounded).
  ArgParser& positionals(const std::string& metavar, const std::string& help,
                         std::vector<std::string>& out, std::size_t min, std::size_t max);
  // Free text appended to --help (examples, notes); a second call adds a paragraph.
  ArgParser& epilog(const std::string& text);

  bool parse(const std::vector<std::string>& args);
  std::string help_text() const;

 private:
  struct Spec {
    std::vector<std::string> names;
    std::string metavar;  // empty for flags
    std::string help;
    std::string default_text;
    std::function<void(const std::string& name, const std::string& value)> apply;
  };
  ArgParser& add(const std::string& names, std::string metavar, std::string help,
                 std::string default_text,
                 std::function<void(const std::string&, const std::string&)> apply);
  const Spec* find(const std::string& name) const;

  std::string usage_;
  std::string description_;
  std::string epilog_;
  std::vector<Spec> specs_;
  std::string positional_metavar_;
  std::string positional_help_;
  std::vector<std::string>* positionals_ = nullptr;
  std::size_t positional_min_ = 0;
  std::size_t positional_max_ = 0;
};

}  // namespace skein::cli
