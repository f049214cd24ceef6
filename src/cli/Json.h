#pragma once
// JSON output for --json: a RapidJSON writer over a string, printed as one document with a
// trailing newline. Every non-integral number is written rounded to kSignificantDigits
// significant digits (a PageRank of 0.0039943173374025549 prints as 0.00399432): the digits
// past that are floating-point noise, not information. Numbers inside raw JSON (props) too. (The
// cli is the top of the dependency graph, so it may use RapidJSON in its own headers; module
// headers may not.)

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

namespace skein::cli {

inline constexpr int kSignificantDigits = 6;

// `value` rounded to kSignificantDigits significant digits (non-finite values as they are).
inline double rounded(double value) {
  if (!std::isfinite(value) || value == std::floor(value)) return value;
  char text[32];
  std::snprintf(text, sizeof text, "%.*g", kSignificantDigits, value);
  return std::strtod(text, nullptr);
}

// Writes a parsed JSON value with its non-integral numbers rounded.
template <typename Writer>
void write_rounded(Writer& writer, const rapidjson::Value& value) {
  if (value.IsObject()) {
    writer.StartObject();
    for (const auto& member : value.GetObject()) {
      writer.Key(member.name.GetString(), member.name.GetStringLength());
      write_rounded(writer, member.value);
    }
    writer.EndObject();
  } else if (value.IsArray()) {
    writer.StartArray();
    for (const auto& item : value.GetArray()) write_rounded(writer, item);
    writer.EndArray();
  } else if (value.IsDouble()) {
    writer.Double(rounded(value.GetDouble()));
  } else {
    value.Accept(writer);
  }
}

// A serialised JSON text with its non-integral numbers rounded (unchanged if it does not parse).
inline std::string rounded_json(const std::string& json) {
  rapidjson::Document parsed;
  parsed.Parse(json.c_str());
  if (parsed.HasParseError()) return json;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  write_rounded(writer, parsed);
  return std::string(buffer.GetString(), buffer.GetSize());
}

class JsonOutput {
 public:
  JsonOutput() : writer_(buffer_) {}
  rapidjson::Writer<rapidjson::StringBuffer>& w() { return writer_; }

  void key(std::string_view name) { writer_.Key(name.data(), static_cast<unsigned>(name.size())); }
  void string(std::string_view value) {
    writer_.String(value.data(), static_cast<unsigned>(value.size()));
  }
  void field(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }
  void field(std::string_view name, const char* value) {
    key(name);
    string(value);
  }
  void field(std::string_view name, const std::string& value) {
    key(name);
    string(value);
  }
  void field(std::string_view name, double value) {
    key(name);
    writer_.Double(rounded(value));
  }
  void field(std::string_view name, std::int64_t value) {
    key(name);
    writer_.Int64(value);
  }
  void field(std::string_view name, std::size_t value) {
    key(name);
    writer_.Uint64(value);
  }
  void field(std::string_view name, bool value) {
    key(name);
    writer_.Bool(value);
  }
  // Writes a JSON object/array text that is already serialised (e.g. props_json from the store).
  void raw_field(std::string_view name, const std::string& json) {
    key(name);
    const std::string text = rounded_json(json);
    writer_.RawValue(text.data(), text.size(), rapidjson::kObjectType);
  }

  // Writes a JSON array of strings under `name`.
  template <typename Strings>
  void string_array(std::string_view name, const Strings& values) {
    key(name);
    writer_.StartArray();
    for (const auto& value : values) string(value);
    writer_.EndArray();
  }

  void print(std::ostream& out = std::cout) {
    out.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
    out << "\n";
  }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace skein::cli
