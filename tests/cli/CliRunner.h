#pragma once
// Runs the built skein binary the way a user would, in a private temporary directory, and
// captures its exit code, stdout and stderr.

#include <filesystem>
#include <string>

namespace skein::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A temporary directory removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes `content` to a file in the directory and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

// Runs `skein <arguments>` through /bin/sh in `working_dir`; `arguments` is shell text, so
// quote paths with shell_quote(). `stdin_text` is fed to the process.
RunResult run_skein(const std::string& arguments, const std::filesystem::path& working_dir,
                    const std::string& stdin_text = "");

std::string shell_quote(const std::string& text);

// The bytes of a file ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

// Paths compiled in by CMake.
std::filesystem::path source_dir();
std::filesystem::path shared_dir();

}  // namespace skein::testing
