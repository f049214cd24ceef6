#pragma once
// Streaming JSON for the exporters (internal to exporters): RapidJSON's Writer over a Sink, and
// the field helpers every JSON-shaped format writes with. Strings are escaped by RapidJSON;
// non-finite numbers are left out (JSON has none). The helpers take any rapidjson::Writer, so
// the page's script-safe stream and the plain one share them.

#include <rapidjson/writer.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/ExportContext.h"
#include "exporters/Sink.h"

namespace skein::exporters::json {

// The RapidJSON output-stream concept over a Sink, byte for byte. Put and Flush are the names
// RapidJSON calls (hence the NOLINTs for the naming check).
class SinkStream {
 public:
  using Ch = char;
  explicit SinkStream(Sink& sink) : sink_(sink) {}
  void Put(char c) { sink_.put(c); }  // NOLINT(readability-identifier-naming)
  void Flush() {}                     // NOLINT(readability-identifier-naming)

 private:
  Sink& sink_;
};

// As SinkStream, but '<' is written as \u003c, so the JSON can sit inside a <script> element
// with no "</script" or "<!--" ending it early ('<' only occurs inside JSON strings, where the
// escape means the same).
class ScriptSafeStream {
 public:
  using Ch = char;
  explicit ScriptSafeStream(Sink& sink) : sink_(sink) {}
  void Put(char c) {  // NOLINT(readability-identifier-naming)
    if (c == '<') {
      sink_.write("\\u003c");
    } else {
      sink_.put(c);
    }
  }
  void Flush() {}  // NOLINT(readability-identifier-naming)

 private:
  Sink& sink_;
};

template <class Writer>
void key(Writer& w, std::string_view name) {
  w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}
template <class Writer>
void string(Writer& w, std::string_view value) {
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
// Distinct names per value type: an overload set would send a string literal to bool.
template <class Writer>
void field(Writer& w, std::string_view name, std::string_view value) {
  key(w, name);
  string(w, value);
}
template <class Writer>
void integer(Writer& w, std::string_view name, std::int64_t value) {
  key(w, name);
  w.Int64(value);
}
template <class Writer>
void number(Writer& w, std::string_view name, double value) {
  if (!std::isfinite(value)) return;
  key(w, name);
  w.Double(value);
}
template <class Writer>
void boolean(Writer& w, std::string_view name, bool value) {
  key(w, name);
  w.Bool(value);
}
template <class Writer>
void strings(Writer& w, std::string_view name, const std::vector<std::string>& items) {
  key(w, name);
  w.StartArray();
  for (const auto& item : items) string(w, item);
  w.EndArray();
}

// A node property under its name; an absent value writes nothing.
template <class Writer>
void value(Writer& w, std::string_view name, const Value& v) {
  if (!v.present) return;
  switch (v.kind) {
    case ValueKind::kBool:
      boolean(w, name, v.boolean);
      break;
    case ValueKind::kLong:
      integer(w, name, v.integer);
      break;
    case ValueKind::kDouble:
      number(w, name, v.number);
      break;
    case ValueKind::kString:
      field(w, name, v.text);
      break;
    case ValueKind::kStringList:
      strings(w, name, v.list);
      break;
  }
}

}  // namespace skein::exporters::json
