#include "core/Error.h"

namespace skein {

// Built step by step: GCC 12 at -O3 reports a false -Wrestrict for the one-expression form.
std::string located_message(const std::string& source, std::size_t line,
                            const std::string& message) {
  std::string out = source;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
  }
  out += ": ";
  out += message;
  return out;
}

InputError::InputError(const std::string& source, std::size_t line, const std::string& reason)
    : Error(located_message(source, line, reason)), source_(source), line_(line) {}

std::string Diagnostic::to_string() const { return located_message(source, line, message); }

}  // namespace skein
