#include "store/MergeRules.h"

#include <rapidjson/document.h>

#include <string_view>

#include "core/Utf8.h"

namespace skein::store {
std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void read_prop_keys(const char* json, CachedNode& node) {
  rapidjson::Document document;
  document.Parse(json);
  if (document.HasParseError() || !document.IsObject()) return;
  for (const auto& member : document.GetObject()) {
    std::string key(member.name.GetString(), member.name.GetStringLength());
    const bool empty = member.value.IsString() && member.value.GetStringLength() == 0;
    if (!member.value.IsNull() && !empty) node.nonempty_keys.insert(key);
    node.keys.insert(std::move(key));
  }
}

void note_merged_props(const Properties& props, CachedNode& node) {
  // Mirrors SKEIN_MERGE_PROPS: missing or empty keys take the incoming value.
  for (const auto& [key, value] : props) {
    node.keys.insert(key);
    if (!value.empty()) node.nonempty_keys.insert(key);
  }
}

bool fuller_name(const std::string& candidate, const std::string& current) {
  return utf8::length(candidate) > utf8::length(current) &&
         ascii_lower(candidate).find(ascii_lower(current)) != std::string::npos;
}

namespace {

// The ASCII letters and digits of a name, lower case; other bytes (non-ASCII letters) kept.
std::string name_letters(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z')
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80) != 0)
      out.push_back(c);
  }
  return out;
}

bool all_capitals(std::string_view name) {
  bool upper = false;
  for (const char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  return upper;
}

}  // namespace

bool preferred_name(const std::string& candidate, const std::string& current) {
  if (candidate == current) return false;
  if (fuller_name(candidate, current)) return true;
  if (fuller_name(current, candidate)) return false;
  if (name_letters(candidate) != name_letters(current)) return false;
  const bool candidate_caps = all_capitals(candidate), current_caps = all_capitals(current);
  if (candidate_caps != current_caps) return current_caps;
  const std::size_t candidate_length = utf8::length(candidate);
  const std::size_t current_length = utf8::length(current);
  if (candidate_length != current_length) return candidate_length > current_length;
  return candidate < current;
}

bool upsert_is_noop(const Entity& entity, const CachedNode& cached, bool name_may_change) {
  if (name_may_change && !entity.name.empty() && preferred_name(entity.name, cached.name)) {
    return false;
  }
  for (const auto& [key, value] : entity.props) {
    if (cached.nonempty_keys.count(key) == 0 && !(value.empty() && cached.keys.count(key) > 0)) {
      return false;
    }
  }
  return true;
}

}  // namespace skein::store
