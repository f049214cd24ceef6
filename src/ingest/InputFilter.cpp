#include "ingest/InputFilter.h"

#include <fnmatch.h>

#include <algorithm>
#include <array>

namespace skein::ingest {
namespace {

std::string_view file_name_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool matches(const std::string& pattern, std::string_view relative_path) {
  const std::string subject(pattern.find('/') == std::string::npos ? file_name_of(relative_path)
                                                                   : relative_path);
  return ::fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
}

bool any_matches(const std::vector<std::string>& patterns, std::string_view relative_path) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& pattern) { return matches(pattern, relative_path); });
}

}  // namespace

bool is_note_file(std::string_view file_name) {
  static constexpr std::array<std::string_view, 13> kNotes = {
      "readme",    "source",  "sources", "license",      "licence",  "copying", "notice",
      "changelog", "changes", "authors", "contributors", "manifest", "credits"};
  std::string stem(file_name.substr(0, file_name.find('.')));
  std::transform(stem.begin(), stem.end(), stem.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kNotes.begin(), kNotes.end(), stem) != kNotes.end();
}

InputFilter::InputFilter(std::vector<std::string> include, std::vector<std::string> exclude)
    : include_(std::move(include)), exclude_(std::move(exclude)) {}

bool InputFilter::accepts(std::string_view relative_path) const {
  const bool included = any_matches(include_, relative_path);
  if (!include_.empty() && !included) return false;
  if (any_matches(exclude_, relative_path)) return false;
  return included || !is_note_file(file_name_of(relative_path));
}

bool InputFilter::is_skipped_note(std::string_view relative_path) const {
  return is_note_file(file_name_of(relative_path)) && !any_matches(include_, relative_path) &&
         (include_.empty()) && !any_matches(exclude_, relative_path);
}

}  // namespace skein::ingest
