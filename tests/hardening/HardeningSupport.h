#pragma once
// Helpers for the hardening suite: run the skein binary under a deadline (a hang is a failure,
// not a stuck CI job), start it in the background to kill it at a chosen moment, and read a
// store back with plain SQL to check what it holds.
//
// Everything here runs child processes through /bin/sh in their own process group, so a kill
// reaches skein and not just the shell. Not thread-safe: call from the test thread only.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "CliRunner.h"

namespace skein::hardening {

struct Outcome {
  int exit_code = -1;      // 0..255 from exit(); 128 + signal when killed by a signal
  bool timed_out = false;  // the deadline passed and the process group was killed
  long max_rss_kib = 0;    // peak resident set of the largest process in the command
  double seconds = 0;      // wall time
  std::string out;
  std::string err;
};

// Runs `skein <arguments>` in `dir` (arguments are shell text: quote with shell_quote) with
// `stdin_text` on stdin; kills it after `deadline`.
Outcome run(const std::string& arguments, const std::filesystem::path& dir,
            std::chrono::seconds deadline = std::chrono::seconds(120),
            const std::string& stdin_text = "");

// Runs any shell command line the same way (for `ulimit`, pipes, other tools).
Outcome run_shell(const std::string& command, const std::filesystem::path& dir,
                  std::chrono::seconds deadline = std::chrono::seconds(120));

// A shell command started in the background; the destructor kills what is left of it.
class Background {
 public:
  Background(const std::string& command, const std::filesystem::path& dir);
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  bool running();    // not yet exited
  void kill_hard();  // SIGKILL to the whole process group, then reap
  int wait();        // blocks; the exit code (128 + signal when killed)

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  bool reaped_ = false;
};

std::string quoted_binary();  // shell-quoted path of the skein binary under test

// Rows of a query on a SQLite file (opened read-only), each column as text ("" for NULL).
std::vector<std::vector<std::string>> query(const std::filesystem::path& db,
                                            const std::string& sql);
std::string query_one(const std::filesystem::path& db, const std::string& sql);

// "ok" when PRAGMA integrity_check passes and foreign_key_check finds nothing; else the
// problems, one per line.
std::string store_health(const std::filesystem::path& db);

// True when `text` holds a C0 control byte other than newline and tab, DEL, or ESC anywhere.
bool has_raw_control(const std::string& text);

// Each line of stderr: starts with "skein <command>: " and has no raw control byte.
bool well_formed_errors(const std::string& err, const std::string& command);

// Writes `size` bytes produced by repeating `unit` (streamed: never all in memory).
void write_repeated(const std::filesystem::path& path, const std::string& prefix,
                    const std::string& unit, std::size_t size, const std::string& suffix);

}  // namespace skein::hardening
