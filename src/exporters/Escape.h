#pragma once
// Escaping and naming helpers shared by the exporters (internal). All functions are pure and
// thread-safe. Inputs are expected to be valid UTF-8 (ExportContext repairs them first).

#include <string>
#include <string_view>

namespace skein::exporters {

// XML 1.0 text or attribute value: & < > " ' escaped; tab, LF and CR written as character
// references (so attribute-value normalisation cannot turn them into spaces); every other
// C0 control and U+FFFE/U+FFFF (not allowed in XML 1.0 at all) replaced by U+FFFD.
void append_xml(std::string& out, std::string_view text);

// One RFC 4180 field, always quoted ("" doubles a quote); `strip` (when not '\0') is removed
// from the value first (the neo4j array delimiter).
void append_csv_quoted(std::string& out, std::string_view text, char strip = '\0');

// A Cypher string literal in single quotes: \\ \' and control characters escaped.
void append_cypher_string(std::string& out, std::string_view text);

// Shortest text that reads back as the same double ("0.25", "1e-07", "3"); never "+" in
// the exponent. Callers must not pass NaN or infinity.
std::string format_double(double value);
// As format_double but always a floating literal in Cypher/Java terms ("3.0", "1.0e-07").
std::string format_float_literal(double value);

// `text` itself when it is valid UTF-8, else a copy with ill-formed bytes as U+FFFD.
std::string valid_utf8(std::string_view text);

// A property name usable unquoted in Cypher, neo4j headers, GraphML keys and JSON:
// [A-Za-z_][A-Za-z0-9_]* (other characters become '_', a leading digit gets a '_').
std::string identifier(std::string_view name);

// A six-digit lowercase hex colour "#rrggbb".
std::string hex_color(unsigned r, unsigned g, unsigned b);

}  // namespace skein::exporters

namespace skein::exporters {
// Decimal text of an integer. (Used instead of std::to_string, whose inlined form trips a
// false -Wrestrict warning in GCC 12 at -O2.)
std::string decimal(long long value);
inline std::string decimal(unsigned long long value) {
  return decimal(static_cast<long long>(value));
}
inline std::string decimal(long value) { return decimal(static_cast<long long>(value)); }
inline std::string decimal(unsigned long value) { return decimal(static_cast<long long>(value)); }
inline std::string decimal(int value) { return decimal(static_cast<long long>(value)); }
inline std::string decimal(unsigned value) { return decimal(static_cast<long long>(value)); }
}  // namespace skein::exporters
