#pragma once
// JSON output for --json: a RapidJSON writer over a string, printed as one document with a
// trailing newline. (The cli is the top of the dependency graph, so it may use RapidJSON in
// its own headers; module headers may not.)

#include <iostream>
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace skein::cli {

class JsonOutput {
 public:
  JsonOutput() : writer_(buffer_) {}
  rapidjson::Writer<rapidjson::StringBuffer>& w() { return writer_; }

  void key(std::string_view name) { writer_.Key(name.data(), static_cast<unsigned>(name.size())); }
  void string(std::string_view value) {
    writer_.String(value.data(), static_cast<unsigned>(value.size()));
  }
  void field(std::string_view name, std::string_view value) { key(name); string(value); }
  void field(std::string_view name, const char* value) { key(name); string(value); }
  void field(std::string_view name, const std::string& value) { key(name); string(value); }
  void field(std::string_view name, double value) { key(name); writer_.Double(value); }
  void field(std::string_view name, std::int64_t value) { key(name); writer_.Int64(value); }
  void field(std::string_view name, std::size_t value) { key(name); writer_.Uint64(value); }
  void field(std::string_view name, bool value) { key(name); writer_.Bool(value); }
  // Writes a JSON object/array text that is already serialised (e.g. props_json from the store).
  void raw_field(std::string_view name, const std::string& json) {
    key(name);
    writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
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
