#pragma once
// Which files of a directory walk are read. Internal to the ingest module (DocumentSource
// applies it to walked files only: a file named on the command line is always read).
//
// Globs are fnmatch(3) patterns. A pattern without '/' is matched against the file's name
// ("*.html"); a pattern with '/' against its path relative to the directory given
// ("politics/*.txt"; there '*' also crosses '/'). A file is read when
//   (no include pattern is given, or one matches) and no exclude pattern matches, and
//   it is not a note, unless an include pattern matches it by name.
// Notes are the files that describe a folder rather than belong to it: README, SOURCE(S),
// LICENSE/LICENCE, COPYING, NOTICE, CHANGELOG/CHANGES, AUTHORS, CONTRIBUTORS and MANIFEST,
// in any case, with or without an extension (README.TXT, LICENSE.md).
//
// Thread-safety: const and pure.

#include <string>
#include <string_view>
#include <vector>

namespace skein::ingest {

bool is_note_file(std::string_view file_name);

class InputFilter {
 public:
  InputFilter(std::vector<std::string> include, std::vector<std::string> exclude);
  // `relative_path`: the path below the walked directory, '/'-separated.
  bool accepts(std::string_view relative_path) const;
  // True when a file was passed over only for being a note (for the caller's count).
  bool is_skipped_note(std::string_view relative_path) const;

 private:
  std::vector<std::string> include_;
  std::vector<std::string> exclude_;
};

}  // namespace skein::ingest
