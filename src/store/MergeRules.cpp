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

bool upsert_is_noop(const Entity& entity, const CachedNode& cached, bool name_may_change) {
  if (name_may_change && !entity.name.empty() && fuller_name(entity.name, cached.name)) {
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
