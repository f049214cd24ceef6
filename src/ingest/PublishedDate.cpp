// Hand-written rather than std::chrono::parse: libstdc++ 12 lacks chrono::parse, and the
// accepted forms are few enough that a strict scanner states them more plainly than a regex.
#include "ingest/PublishedDate.h"

#include <optional>

namespace skein::ingest {
namespace {

std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string normalize_published_date(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);

  const bool extended = value.size() >= 10 && value[4] == '-' && value[7] == '-';
  const std::size_t date_length = extended ? 10 : 8;
  const auto year = digits(value, 0, 4);
  const auto month = digits(value, extended ? 5 : 4, 2);
  const auto day = digits(value, extended ? 8 : 6, 2);
  if (!year || !month || !day) return {};
  if (value.size() > date_length) {
    const char separator = value[date_length];
    // A time must follow the separator; "2024-05-01Tomorrow" or "202405011" are not dates.
    if ((separator != 'T' && separator != 't' && separator != ' ') ||
        !digits(value, date_length + 1, 2)) {
      return {};
    }
  }
  if (*year < 1 || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
    return {};

  std::string result(value.substr(0, date_length));
  if (!extended)
    result = result.substr(0, 4) + "-" + result.substr(4, 2) + "-" + result.substr(6, 2);
  return result;
}

}  // namespace skein::ingest
