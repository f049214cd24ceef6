#pragma once
// Errors in three tiers (see DESIGN.md):
//  1. An exception derived from skein::Error aborts a command. The CLI maps UsageError to exit
//     code 1 and InputError / StoreError to exit code 2, printing what() on one line.
//  2. Expected per-document problems are values: a Diagnostic appended to a Diagnostics list,
//     and processing goes on with the next document.
//  3. assert() guards programming errors only; user input never trips an assertion.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace skein {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line was wrong: unknown option, missing argument, bad value. Exit code 1.
class UsageError : public Error {
 public:
  using Error::Error;
};

// An input file, rule file or data file could not be used. The message names the file and,
// where there is one, the line: "path:line: reason". Exit code 2.
class InputError : public Error {
 public:
  InputError(const std::string& source, std::size_t line, const std::string& reason);
  InputError(const std::string& source, const std::string& reason)
      : InputError(source, 0, reason) {}

  const std::string& source() const { return source_; }
  std::size_t line() const { return line_; }

 private:
  std::string source_;
  std::size_t line_ = 0;
};

// The store could not be opened, read or written. The message names the store file. Exit 2.
class StoreError : public Error {
 public:
  using Error::Error;
};

// A problem with one document that does not stop the others.
struct Diagnostic {
  std::string source;    // file path (or "<stdin>")
  std::size_t line = 0;  // 1-based line for JSONL, 0 when not applicable
  std::string message;

  std::string to_string() const;  // "source:line: message" (":line" only when line > 0)
};
using Diagnostics = std::vector<Diagnostic>;

// "source:line: message", the one-line form every error and diagnostic is printed in.
std::string located_message(const std::string& source, std::size_t line,
                            const std::string& message);

namespace exit_code {
inline constexpr int kSuccess = 0;
inline constexpr int kUsage = 1;
inline constexpr int kInputOrStore = 2;
}  // namespace exit_code

}  // namespace skein
