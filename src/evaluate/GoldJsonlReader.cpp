#include "evaluate/GoldJsonlReader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "core/Error.h"
#include "core/Extraction.h"
#include "core/Sha256.h"
#include "core/Utf8.h"
#include "ingest/DocumentSource.h"

namespace skein::evaluate {
namespace {

using Value = rapidjson::Value;

// Any byte of a multi-byte UTF-8 sequence counts as a word character, so an anchored "Zoë"
// never matches inside a longer non-ASCII word either.
bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

std::size_t find_whole_word(std::string_view text, std::string_view needle, std::size_t from) {
  for (auto pos = text.find(needle, from); pos != std::string_view::npos;
       pos = text.find(needle, pos + 1)) {
    const bool starts_word = is_word_byte(static_cast<unsigned char>(needle.front()));
    const bool ends_word = is_word_byte(static_cast<unsigned char>(needle.back()));
    const bool left_ok =
        !starts_word || pos == 0 || !is_word_byte(static_cast<unsigned char>(text[pos - 1]));
    const std::size_t after = pos + needle.size();
    const bool right_ok = !ends_word || after == text.size() ||
                          !is_word_byte(static_cast<unsigned char>(text[after]));
    if (left_ok && right_ok) return pos;
  }
  return std::string_view::npos;
}

std::string first_non_blank_line(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    const auto first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) {
      const auto last = line.find_last_not_of(" \t\r");
      return std::string(line.substr(first, last - first + 1));
    }
    start = end + 1;
  }
  return {};
}

class LineParser {
 public:
  LineParser(const std::string& source, std::size_t line, const std::string& base_dir)
      : source_(source), line_(line), base_dir_(base_dir) {}

  GoldDocument parse(std::string_view json) {
    rapidjson::Document root;
    root.Parse(json.data(), json.size());
    if (root.HasParseError()) {
      throw error("invalid JSON at column " + std::to_string(root.GetErrorOffset() + 1) + ": " +
                  rapidjson::GetParseError_En(root.GetParseError()));
    }
    if (!root.IsObject()) throw error("expected a JSON object");

    GoldDocument gold;
    gold.line = line_;
    read_document(root, gold.document);
    read_entities(root, gold);
    read_relations(root, gold);
    return gold;
  }

 private:
  InputError error(const std::string& reason) const { return InputError(source_, line_, reason); }

  const Value* member(const Value& object, const char* name) const {
    auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
  }

  std::string string_member(const Value& object, const char* name, const std::string& where,
                            bool required) const {
    const Value* value = member(object, name);
    if (value == nullptr) {
      if (required) throw error(where + name + ": missing");
      return {};
    }
    if (!value->IsString()) throw error(where + name + ": expected a string");
    std::string text(value->GetString(), value->GetStringLength());
    if (!utf8::is_valid(text)) throw error(where + name + ": not valid UTF-8");
    return text;
  }

  bool bool_member(const Value& object, const char* name, const std::string& where) const {
    const Value* value = member(object, name);
    if (value == nullptr) return false;
    if (!value->IsBool()) throw error(where + name + ": expected true or false");
    return value->GetBool();
  }

  void read_document(const Value& root, Document& document) const {
    document.id = string_member(root, "id", "", false);
    const std::string path = string_member(root, "path", "", false);
    const bool has_text = member(root, "text") != nullptr;
    if (has_text == !path.empty()) throw error("give exactly one of \"text\" and \"path\"");
    if (has_text) {
      document.text = string_member(root, "text", "", true);
      document.uri =
          source_ + (document.id.empty() ? "#L" + std::to_string(line_) : "#" + document.id);
    } else {
      const std::filesystem::path resolved = std::filesystem::path(path).is_absolute()
                                                 ? std::filesystem::path(path)
                                                 : std::filesystem::path(base_dir_) / path;
      std::ifstream in(resolved, std::ios::binary);
      if (!in) throw error("path: cannot open " + resolved.string());
      std::ostringstream content;
      content << in.rdbuf();
      document.text = content.str();
      if (auto bad = utf8::first_invalid(document.text); bad != std::string::npos) {
        throw error("path: " + resolved.string() + " is not valid UTF-8 at byte " +
                    std::to_string(bad));
      }
      document.uri = resolved.lexically_normal().string();
    }
    if (document.text.empty()) throw error("the document text is empty");
    document.title = string_member(root, "title", "", false);
    if (document.title.empty() && !has_text) document.title = first_non_blank_line(document.text);
    document.published = string_member(root, "published", "", false);
    document.sha256 = sha256_hex(document.text);
    // The extractor sees what ingest would give it, debris marked, so the gold need not
    // annotate page furniture and the comparison is fair.
    ingest::mark_debris(document);
  }

  void read_entities(const Value& root, GoldDocument& gold) {
    const Value* entities = member(root, "entities");
    if (entities == nullptr) throw error("entities: missing (use [] for none)");
    if (!entities->IsArray()) throw error("entities: expected a list");
    const std::string& text = gold.document.text;
    std::size_t cursor = 0;
    std::map<std::pair<std::string, std::string>, std::size_t> group_of;  // (label, name)
    std::set<std::pair<std::size_t, std::size_t>> seen_spans;
    for (rapidjson::SizeType i = 0; i < entities->Size(); ++i) {
      const std::string where = "entities[" + std::to_string(i) + "].";
      const Value& entity = (*entities)[i];
      if (!entity.IsObject())
        throw error("entities[" + std::to_string(i) + "]: expected an object");
      const std::string label = string_member(entity, "label", where, true);
      if (label.empty()) throw error(where + "label: empty");
      const std::string mention_text = string_member(entity, "text", where, false);
      const Value* start = member(entity, "start");
      const Value* end = member(entity, "end");
      ByteSpan span;
      if (start != nullptr || end != nullptr) {
        if (start == nullptr || end == nullptr)
          throw error(where + "start/end: give both or neither");
        if (!start->IsUint64() || !end->IsUint64())
          throw error(where + "start/end: expected non-negative integers");
        span = {start->GetUint64(), end->GetUint64()};
        if (span.start >= span.end || span.end > text.size()) {
          throw error(where + "start/end: [" + std::to_string(span.start) + ", " +
                      std::to_string(span.end) + ") is empty or outside the text (" +
                      std::to_string(text.size()) + " bytes)");
        }
        if (!utf8::is_boundary(text, span.start) || !utf8::is_boundary(text, span.end)) {
          throw error(where + "start/end: inside a UTF-8 character");
        }
        if (!mention_text.empty() && text.compare(span.start, span.size(), mention_text) != 0) {
          throw error(where + "text: \"" + mention_text + "\" differs from the text at [" +
                      std::to_string(span.start) + ", " + std::to_string(span.end) + "): \"" +
                      text.substr(span.start, span.size()) + "\"");
        }
      } else {
        if (mention_text.empty()) throw error(where + "text: needed when start/end are not given");
        const std::size_t found = find_whole_word(text, mention_text, cursor);
        if (found == std::string::npos) {
          throw error(where + "text: \"" + mention_text +
                      "\" not found as a whole word after byte " + std::to_string(cursor) +
                      " (anchored entities must be listed in text order)");
        }
        span = {found, found + mention_text.size()};
      }
      cursor = span.end;
      if (!seen_spans.insert({span.start, span.end}).second) {
        throw error(where + "duplicate mention at [" + std::to_string(span.start) + ", " +
                    std::to_string(span.end) + ")");
      }
      std::string name = string_member(entity, "name", where, false);
      if (name.empty()) name = text.substr(span.start, span.size());
      auto [it, inserted] = group_of.try_emplace({label, name}, gold.group_count);
      if (inserted) ++gold.group_count;
      gold.mentions.push_back(
          {span, span, label, name, it->second, bool_member(entity, "optional", where)});
    }
    // Relations refer to the entity list order, so sort only after endpoints are resolved:
    // keep the listed order in `listed_` and sort at the end of read_relations.
    listed_ = gold.mentions;
  }

  std::size_t resolve_endpoint(const GoldDocument& gold, const Value* value,
                               const std::string& where) const {
    if (value == nullptr) throw error(where + ": missing");
    if (value->IsUint64()) {
      const auto index = value->GetUint64();
      if (index >= listed_.size()) {
        throw error(where + ": entity index " + std::to_string(index) + " out of range (" +
                    std::to_string(listed_.size()) + " entities)");
      }
      return listed_[index].group;
    }
    if (!value->IsString()) throw error(where + ": expected an entity index or name");
    const std::string name(value->GetString(), value->GetStringLength());
    std::size_t group = SIZE_MAX;
    std::string labels;
    for (const auto& mention : gold.mentions) {
      if (mention.name != name || mention.group == group) continue;
      if (group != SIZE_MAX) {
        throw error(where + ": name \"" + name + "\" is ambiguous (" + labels + ", " +
                    mention.label + "): use the entity's index");
      }
      group = mention.group;
      labels = mention.label;
    }
    if (group == SIZE_MAX) throw error(where + ": no entity named \"" + name + "\"");
    return group;
  }

  void read_relations(const Value& root, GoldDocument& gold) {
    const Value* relations = member(root, "relations");
    if (relations == nullptr) throw error("relations: missing (use [] for none)");
    if (!relations->IsArray()) throw error("relations: expected a list");
    std::set<std::tuple<std::string, std::size_t, std::size_t>> seen;
    const auto symmetric_types = skein_relation_types();
    for (rapidjson::SizeType i = 0; i < relations->Size(); ++i) {
      const std::string where = "relations[" + std::to_string(i) + "]";
      const Value& relation = (*relations)[i];
      if (!relation.IsObject()) throw error(where + ": expected an object");
      const std::string type = string_member(relation, "type", where + ".", true);
      if (type.empty()) throw error(where + ".type: empty");
      std::size_t source = resolve_endpoint(gold, member(relation, "source"), where + ".source");
      std::size_t target = resolve_endpoint(gold, member(relation, "target"), where + ".target");
      if (source == target) throw error(where + ": source and target are the same entity");
      const bool symmetric =
          std::any_of(symmetric_types.begin(), symmetric_types.end(),
                      [&](const auto& t) { return t.name == type && t.symmetric; });
      const auto key = symmetric
                           ? std::tuple(type, std::min(source, target), std::max(source, target))
                           : std::tuple(type, source, target);
      if (!seen.insert(key).second) throw error(where + ": duplicate relation");
      gold.relations.push_back({type, source, target, type,
                                bool_member(relation, "optional", where + "."),
                                bool_member(relation, "coref", where + ".")});
    }
    std::stable_sort(
        gold.mentions.begin(), gold.mentions.end(),
        [](const GoldMention& a, const GoldMention& b) { return a.span.start < b.span.start; });
  }

  const std::string& source_;
  std::size_t line_;
  const std::string& base_dir_;
  std::vector<GoldMention> listed_;
};

}  // namespace

Dataset parse_gold_jsonl(std::string_view content, const std::string& source,
                         const std::string& base_dir) {
  Dataset dataset;
  dataset.source = source;
  dataset.format = "gold";
  dataset.relation_types = skein_relation_types();
  for (const char* label :
       {labels::kPerson, labels::kOrganization, labels::kCountry, labels::kPlace}) {
    dataset.label_classes.push_back({label, {label}});
  }

  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    ++line_number;
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!utf8::is_valid(line)) throw InputError(source, line_number, "not valid UTF-8");
    GoldDocument gold = LineParser(source, line_number, base_dir).parse(line);
    // Labels and types beyond Skein's own are scored as given, in order of first use.
    for (const auto& mention : gold.mentions) {
      if (dataset.class_of(mention.label) == nullptr)
        dataset.label_classes.push_back({mention.label, {mention.label}});
    }
    for (const auto& relation : gold.relations) {
      if (dataset.relation_type(relation.type) == nullptr)
        dataset.relation_types.push_back({relation.type, false, true});
    }
    dataset.documents.push_back(std::move(gold));
  }
  if (dataset.documents.empty()) throw InputError(source, "no documents");
  return dataset;
}

Dataset read_gold_jsonl(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw InputError(path, "read failed");
  const auto parent = std::filesystem::path(path).parent_path();
  return parse_gold_jsonl(content.str(), path, parent.empty() ? "." : parent.string());
}

}  // namespace skein::evaluate
