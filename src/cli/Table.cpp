#include "cli/Table.h"

#include <algorithm>
#include <cstdio>

#include "core/Utf8.h"

namespace skein::cli {
namespace {

// Cuts to at most `width` code points, on a code point boundary.
std::string truncate(const std::string& text, std::size_t width) {
  if (width == 0 || utf8::length(text) <= width) return text;
  return text.substr(0, utf8::offset_of_char(text, width - 1)) + "…";
}

}  // namespace

Table::Table(std::vector<std::string> headers)
    : headers_(std::move(headers)),
      right_(headers_.size(), false),
      max_width_(headers_.size(), 0) {}

Table& Table::align_right(std::size_t column) {
  if (column < right_.size()) right_[column] = true;
  return *this;
}

Table& Table::max_width(std::size_t column, std::size_t width) {
  if (column < max_width_.size()) max_width_[column] = width;
  return *this;
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    cells[i] = truncate(utf8::printable(cells[i]), max_width_[i]);
  }
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t i = 0; i < headers_.size(); ++i) widths[i] = utf8::length(headers_[i]);
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], utf8::length(row[i]));
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string padding(widths[i] - utf8::length(cells[i]), ' ');
      bool last = i + 1 == cells.size();
      if (right_[i]) {
        line += padding + cells[i];
      } else {
        line += cells[i];
        if (!last) line += padding;
      }
      if (!last) line += "  ";
    }
    out << line << "\n";
  };
  print_row(headers_);
  std::vector<std::string> rule;
  rule.reserve(widths.size());
  for (std::size_t width : widths) rule.push_back(std::string(width, '-'));
  print_row(rule);
  for (const auto& row : rows_) print_row(row);
}

std::string format_fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace skein::cli
