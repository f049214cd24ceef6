#include "cli/ProgressLine.h"

#include <unistd.h>

#include <cstdio>

namespace skein::cli {
namespace {
constexpr auto kRedrawInterval = std::chrono::milliseconds(200);
}  // namespace

ProgressLine::ProgressLine(bool wanted)
    : enabled_(wanted && isatty(STDERR_FILENO) != 0),
      started_(std::chrono::steady_clock::now()),
      last_draw_(started_) {}

ProgressLine::~ProgressLine() { clear(); }

double ProgressLine::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

bool ProgressLine::due() {
  if (!enabled_) return false;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval) return false;
  last_draw_ = now;
  return true;
}

void ProgressLine::draw(const std::string& text) {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\033[K%s", text.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace skein::cli
