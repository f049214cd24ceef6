#include "cli/ArgParser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <iostream>
#include <sstream>

#include "core/Error.h"

namespace skein::cli {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text) {
    if (c == separator) {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

std::string format_double(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring letters ("tpye" is one edit from "type"), ignoring case.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  const auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string without_dashes(const std::string& text) {
  const std::size_t start = text.find_first_not_of('-');
  return start == std::string::npos ? std::string() : text.substr(start);
}

}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string bare = without_dashes(word);
  std::string best;
  std::size_t best_distance =
      std::min<std::size_t>(3, std::max<std::size_t>(1, bare.size() / 3)) + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(bare, without_dashes(candidate));
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

ArgParser::ArgParser(std::string usage, std::string description)
    : usage_(std::move(usage)), description_(std::move(description)) {}

ArgParser& ArgParser::add(const std::string& names, std::string metavar, std::string help,
                          std::string default_text,
                          std::function<void(const std::string&, const std::string&)> apply) {
  specs_.push_back(Spec{split(names, ','), std::move(metavar), std::move(help),
                        std::move(default_text), std::move(apply)});
  return *this;
}

ArgParser& ArgParser::flag(const std::string& names, const std::string& help, bool& out) {
  return add(names, "", help, "", [&out](const std::string&, const std::string&) { out = true; });
}

ArgParser& ArgParser::option(const std::string& names, const std::string& metavar,
                             const std::string& help, std::string& out) {
  return add(names, metavar, help, out,
             [&out](const std::string&, const std::string& value) { out = value; });
}

ArgParser& ArgParser::option(const std::string& names, const std::string& metavar,
                             const std::string& help, int& out) {
  return add(names, metavar, help, std::to_string(out),
             [&out](const std::string& name, const std::string& value) {
               int parsed = 0;
               auto [end, error] =
                   std::from_chars(value.data(), value.data() + value.size(), parsed);
               if (error != std::errc() || end != value.data() + value.size()) {
                 throw UsageError(name + " expects a whole number, got '" + value + "'");
               }
               out = parsed;
             });
}

ArgParser& ArgParser::option(const std::string& names, const std::string& metavar,
                             const std::string& help, double& out) {
  return add(
      names, metavar, help, format_double(out),
      [&out](const std::string& name, const std::string& value) {
        double parsed = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(parsed)) {
          throw UsageError(name + " expects a number, got '" + value + "'");
        }
        out = parsed;
      });
}

ArgParser& ArgParser::list(const std::string& names, const std::string& metavar,
                           const std::string& help, std::vector<std::string>& out) {
  return add(names, metavar, help, "", [&out](const std::string&, const std::string& value) {
    for (auto& part : split(value, ',')) {
      if (!part.empty()) out.push_back(part);
    }
  });
}

ArgParser& ArgParser::positionals(const std::string& metavar, const std::string& help,
                                  std::vector<std::string>& out, std::size_t min, std::size_t max) {
  positional_metavar_ = metavar;
  positional_help_ = help;
  positionals_ = &out;
  positional_min_ = min;
  positional_max_ = max;
  return *this;
}

ArgParser& ArgParser::epilog(const std::string& text) {
  if (!epilog_.empty()) epilog_ += "\n";
  epilog_ += text;
  return *this;
}

const ArgParser::Spec* ArgParser::find(const std::string& name) const {
  for (const auto& spec : specs_) {
    for (const auto& candidate : spec.names) {
      if (candidate == name) return &spec;
    }
  }
  return nullptr;
}

bool ArgParser::parse(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  bool options_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg == "-" || arg.empty() || arg[0] != '-') {
      positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      std::cout << help_text();
      return false;
    }
    std::string name = arg;
    std::string value;
    bool has_inline_value = false;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_inline_value = true;
    }
    const Spec* spec = find(name);
    if (spec == nullptr) {
      std::vector<std::string> known{"--help"};
      for (const auto& candidate : specs_) {
        for (const auto& option_name : candidate.names) {
          if (option_name.starts_with("--")) known.push_back(option_name);
        }
      }
      const std::string suggestion =
          name.starts_with("--") ? closest_match(name, known) : std::string();
      throw UsageError(
          "unknown option '" + name + "'" +
          (suggestion.empty() ? " (see --help)" : "; did you mean " + suggestion + "?"));
    }
    if (spec->metavar.empty()) {
      if (has_inline_value) throw UsageError(name + " takes no value");
      spec->apply(name, "");
      continue;
    }
    if (!has_inline_value) {
      if (i + 1 >= args.size()) throw UsageError(name + " needs a value " + spec->metavar);
      value = args[++i];
    }
    spec->apply(name, value);
  }
  if (positionals_ == nullptr) {
    if (!positional.empty()) throw UsageError("unexpected argument '" + positional.front() + "'");
    return true;
  }
  if (positional.size() < positional_min_) {
    throw UsageError("missing " + positional_metavar_ + " (see --help)");
  }
  if (positional_max_ != 0 && positional.size() > positional_max_) {
    throw UsageError("unexpected argument '" + positional[positional_max_] + "'");
  }
  *positionals_ = std::move(positional);
  return true;
}

std::string ArgParser::help_text() const {
  std::ostringstream out;
  out << "usage: skein " << usage_ << "\n\n" << description_ << "\n";
  if (positionals_ != nullptr && !positional_help_.empty()) {
    out << "\narguments:\n  " << positional_metavar_ << "\n      " << positional_help_ << "\n";
  }
  out << "\noptions:\n";
  for (const auto& spec : specs_) {
    std::string names;
    for (const auto& name : spec.names) names += (names.empty() ? "" : ", ") + name;
    out << "  " << names << (spec.metavar.empty() ? "" : " " + spec.metavar) << "\n      "
        << spec.help;
    // A help text that explains its default itself ("(default: exact up to 5000 ...)") says
    // it once: the bare value would repeat or contradict it.
    if (!spec.default_text.empty() && spec.help.find("(default") == std::string::npos) {
      out << " (default: " << spec.default_text << ")";
    }
    out << "\n";
  }
  out << "  -h, --help\n      show this help\n";
  if (!epilog_.empty()) out << "\n" << epilog_ << "\n";
  return out.str();
}

}  // namespace skein::cli
