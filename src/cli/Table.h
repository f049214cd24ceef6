#pragma once
// Aligned plain-text tables for terminal output. Every cell passes through utf8::printable, so
// control characters in names or sentences never reach the terminal raw. Column widths count
// code points, not bytes, so non-Latin names line up.

#include <ostream>
#include <string>
#include <vector>

namespace skein::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> headers);
  // Columns listed here are right-aligned (numbers).
  Table& align_right(std::size_t column);
  // Cells longer than `max_width` code points are cut with an ellipsis (0 = never).
  Table& max_width(std::size_t column, std::size_t width);
  void add_row(std::vector<std::string> cells);
  std::size_t rows() const { return rows_.size(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> right_;
  std::vector<std::size_t> max_width_;
};

// "0.123" style fixed formatting without trailing noise.
std::string format_fixed(double value, int decimals);

}  // namespace skein::cli
