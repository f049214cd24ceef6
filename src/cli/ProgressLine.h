#pragma once
// ProgressLine: the one rule for progress reports of long commands (ingest, export). A single
// line on stderr, redrawn in place ("\r", erase line) at most every 200 ms, and only when
// stderr is a terminal and the user did not ask for quiet: a pipe or a log file never sees
// it. clear() wipes it before other stderr output; the destructor wipes it too.
//
// Not thread-safe: update() from the thread that owns the line.

#include <chrono>
#include <string>

namespace skein::cli {

class ProgressLine {
 public:
  // `wanted` false (for --quiet) keeps the line off even on a terminal.
  explicit ProgressLine(bool wanted = true);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // False when nothing will ever be drawn (not a terminal, or not wanted).
  bool enabled() const { return enabled_; }
  // Seconds since the line was made.
  double elapsed_seconds() const;
  // True when a redraw is due now; callers format their text only then.
  bool due();
  // Redraws the line with `text` (call after due() said yes).
  void draw(const std::string& text);
  // Erases the line if it is shown.
  void clear();

 private:
  bool enabled_ = false;
  bool shown_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace skein::cli
