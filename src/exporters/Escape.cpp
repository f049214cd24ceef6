#include "exporters/Escape.h"

#include <charconv>
#include <cstdio>

#include "core/Utf8.h"

namespace skein::exporters {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void append_hex_escape(std::string& out, const char* prefix, unsigned value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%s%0*X", prefix, digits, value);
  out += buffer;
}

}  // namespace

void append_xml(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&apos;";
        continue;
      case '\t':
        out += "&#9;";
        continue;
      case '\n':
        out += "&#10;";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      default:
        break;
    }
    if (c < 0x20) {
      out += kReplacement;
    } else if (c == 0xEF && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
                static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      out += kReplacement;  // U+FFFE / U+FFFF are not XML characters
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
}

void append_csv_quoted(std::string& out, std::string_view text, char strip) {
  out += '"';
  for (char c : text) {
    if (strip != '\0' && c == strip) continue;
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_cypher_string(std::string& out, std::string_view text) {
  out += '\'';
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          append_hex_escape(out, "\\u", c, 4);
        } else {
          out += ch;
        }
    }
  }
  out += '\'';
}

std::string format_double(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, error == std::errc() ? end : buffer);
  // Java's and Cypher's readers take "1e-07" and "1e7" but Cypher's grammar has no '+' in
  // exponents, so drop it everywhere (it is optional in every reader we target).
  if (auto plus = text.find("e+"); plus != std::string::npos) text.erase(plus + 1, 1);
  return text;
}

std::string format_float_literal(double value) {
  std::string text = format_double(value);
  auto exponent = text.find('e');
  std::string mantissa = text.substr(0, exponent);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  return exponent == std::string::npos ? mantissa : mantissa + text.substr(exponent);
}

std::string valid_utf8(std::string_view text) {
  if (utf8::is_valid(text)) return std::string(text);
  return utf8::repair(text);
}

std::string identifier(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 1);
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
  return out;
}

std::string hex_color(unsigned r, unsigned g, unsigned b) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", r & 0xFF, g & 0xFF, b & 0xFF);
  return buffer;
}

}  // namespace skein::exporters

namespace skein::exporters {
std::string decimal(long long value) {
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)error;  // 24 bytes always hold a 64-bit integer
  return std::string(buffer, end);
}
}  // namespace skein::exporters
