#include "CliRunner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace skein::testing {
std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

TempDir::TempDir() {
  std::random_device random;
  auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("skein-test-" + std::to_string(random()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& content) const {
  auto file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << content;
  return file;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

RunResult run_skein(const std::string& arguments, const std::filesystem::path& working_dir,
                    const std::string& stdin_text) {
  TempDir io;
  auto in = io.write("stdin", stdin_text);
  auto out = io / "stdout";
  auto err = io / "stderr";
  std::string command = "cd " + shell_quote(working_dir.string()) + " && " +
                        shell_quote(SKEIN_BINARY) + " " + arguments + " <" +
                        shell_quote(in.string()) + " >" + shell_quote(out.string()) + " 2>" +
                        shell_quote(err.string());
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

std::filesystem::path source_dir() { return SKEIN_SOURCE_DIR; }
std::filesystem::path shared_dir() { return SKEIN_SHARED_DIR; }

}  // namespace skein::testing
