#include "HardeningSupport.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace skein::hardening {
namespace {

// fork + exec /bin/sh -c in a new process group, so one kill(-pid) reaches every process the
// command starts (skein itself, not only the shell in front of it).
pid_t spawn(const std::string& command, const std::filesystem::path& dir) {
  std::string line = "cd " + testing::shell_quote(dir.string()) + " && " + command;
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    setpgid(0, 0);
    // Tests run with SIGXFSZ etc. at their defaults whatever the runner set.
    signal(SIGXFSZ, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    execl("/bin/sh", "sh", "-c", line.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  setpgid(pid, pid);  // also from the parent: no race with an early kill
  return pid;
}

int decode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

std::string quoted_binary() { return testing::shell_quote(SKEIN_BINARY); }

Outcome run_shell(const std::string& command, const std::filesystem::path& dir,
                  std::chrono::seconds deadline) {
  testing::TempDir io;
  const auto out = io / "stdout";
  const auto err = io / "stderr";
  const std::string line = "( " + command + " ) >" + testing::shell_quote(out.string()) + " 2>" +
                           testing::shell_quote(err.string());
  Outcome outcome;
  const auto started = std::chrono::steady_clock::now();
  const pid_t pid = spawn(line, dir);
  int status = 0;
  rusage usage{};
  for (;;) {
    pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() - started > deadline) {
      kill(-pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      outcome.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // A killed shell leaves its children orphaned but in our group: make sure none survives.
  kill(-pid, SIGKILL);
  outcome.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  outcome.exit_code = decode(status);
  outcome.max_rss_kib = usage.ru_maxrss;
  outcome.out = testing::read_file(out);
  outcome.err = testing::read_file(err);
  return outcome;
}

Outcome run(const std::string& arguments, const std::filesystem::path& dir,
            std::chrono::seconds deadline, const std::string& stdin_text) {
  testing::TempDir io;
  const auto in = io.write("stdin", stdin_text);
  return run_shell(quoted_binary() + " " + arguments + " <" + testing::shell_quote(in.string()),
                   dir, deadline);
}

Background::Background(const std::string& command, const std::filesystem::path& dir)
    : pid_(spawn("exec " + command, dir)) {}

Background::~Background() {
  if (!reaped_) kill_hard();
}

bool Background::running() {
  if (reaped_) return false;
  if (waitpid(pid_, &status_, WNOHANG) == pid_) {
    reaped_ = true;
    return false;
  }
  return true;
}

void Background::kill_hard() {
  if (reaped_) return;
  kill(-pid_, SIGKILL);
  waitpid(pid_, &status_, 0);
  reaped_ = true;
}

int Background::wait() {
  if (!reaped_) {
    waitpid(pid_, &status_, 0);
    reaped_ = true;
  }
  return decode(status_);
}

std::vector<std::vector<std::string>> query(const std::filesystem::path& db,
                                            const std::string& sql) {
  SQLite::Database database(db.string(), SQLite::OPEN_READONLY, 10000);
  SQLite::Statement statement(database, sql);
  std::vector<std::vector<std::string>> rows;
  while (statement.executeStep()) {
    std::vector<std::string> row;
    for (int i = 0; i < statement.getColumnCount(); ++i) {
      auto column = statement.getColumn(i);
      row.push_back(column.isNull() ? std::string() : column.getString());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string query_one(const std::filesystem::path& db, const std::string& sql) {
  auto rows = query(db, sql);
  return rows.empty() || rows[0].empty() ? std::string() : rows[0][0];
}

std::string store_health(const std::filesystem::path& db) {
  std::string problems;
  for (const auto& row : query(db, "PRAGMA integrity_check")) {
    if (row.at(0) != "ok") problems += "integrity: " + row.at(0) + "\n";
  }
  for (const auto& row : query(db, "PRAGMA foreign_key_check")) {
    problems +=
        "foreign key: table " + row.at(0) + " rowid " + row.at(1) + " -> " + row.at(2) + "\n";
  }
  return problems.empty() ? "ok" : problems;
}

bool has_raw_control(const std::string& text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
  }
  return false;
}

bool well_formed_errors(const std::string& err, const std::string& command) {
  std::istringstream lines(err);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("skein " + command + ": ", 0) != 0 && line.rfind("skein: ", 0) != 0)
      return false;
    if (has_raw_control(line) || line.find('\t') != std::string::npos) return false;
  }
  return true;
}

void write_repeated(const std::filesystem::path& path, const std::string& prefix,
                    const std::string& unit, std::size_t size, const std::string& suffix) {
  std::ofstream out(path, std::ios::binary);
  out << prefix;
  std::string block;
  while (block.size() < (1u << 20)) block += unit;
  std::size_t written = prefix.size();
  while (written + block.size() <= size) {
    out.write(block.data(), static_cast<std::streamsize>(block.size()));
    written += block.size();
  }
  out.write(block.data(), static_cast<std::streamsize>(size > written ? size - written : 0));
  out << suffix;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace skein::hardening
