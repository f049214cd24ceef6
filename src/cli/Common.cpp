#include "cli/Common.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/Error.h"
#include "core/Extraction.h"

namespace skein::cli {

void add_store_option(ArgParser& parser, std::string& db) {
  parser.option("--db", "FILE", "the Skein store (a SQLite file)", db);
}

store::Store open_existing_store(const std::string& db, StoreAccess access) {
  std::error_code error;
  if (db != ":memory:" && !std::filesystem::exists(db, error)) {
    throw StoreError(db + ": no such store (create one with 'skein ingest PATH')");
  }
  store::StoreOptions options;
  options.create_if_missing = false;
  options.read_only = access == StoreAccess::kRead;
  return store::Store(db, options);
}

void require_known(const std::vector<std::string>& given, const std::vector<std::string>& known,
                   const std::string& what) {
  for (const std::string& value : given) {
    if (std::find(known.begin(), known.end(), value) != known.end()) continue;
    std::string list;
    for (const std::string& name : known) list += (list.empty() ? "" : ", ") + name;
    const std::string suggestion = closest_match(value, known);
    std::string message = "unknown " + what;
    message.append(" '").append(value).append("'");
    if (!suggestion.empty()) message.append("; did you mean ").append(suggestion).append("?");
    message.append(" (known: ").append(list).append(")");
    throw UsageError(message);
  }
}

std::vector<std::string> known_labels(const store::Store& store) {
  std::set<std::string> labels{labels::kPerson, labels::kOrganization, labels::kCountry,
                               labels::kPlace};
  store.for_each_node({}, [&](const store::NodeRecord& node) { labels.insert(node.label); });
  return {labels.begin(), labels.end()};
}

std::vector<std::string> known_relation_types(const store::Store& store) {
  std::vector<std::string> types;
  for (const auto& [type, symmetric] : store.relation_types()) types.push_back(type);
  return types;
}

std::string describe_correction(const store::Correction& c) {
  namespace ops = store::correction_ops;
  auto quoted = [](const std::string& text) { return "'" + text + "'"; };
  rapidjson::Document snapshot;
  snapshot.Parse(c.snapshot_json.c_str());
  if (c.op == ops::kMerge) {
    std::string name;
    if (snapshot.IsObject() && snapshot.HasMember("name") && snapshot["name"].IsString()) {
      name = " (" + quoted(snapshot["name"].GetString()) + ")";
    }
    if (c.source == store::correction_sources::kVote) {
      // "label decided by corpus vote: 508 Organization vs 10 Place mentions", and "; described
      // as Organization" where documents' words gave that label
      std::string tally;
      if (snapshot.IsObject() && snapshot.HasMember("vote") && snapshot["vote"].IsObject() &&
          snapshot["vote"].HasMember("mentions") && snapshot["vote"]["mentions"].IsObject()) {
        const auto& mentions = snapshot["vote"]["mentions"];
        std::vector<std::pair<std::int64_t, std::string>> counts;
        for (const auto& member : mentions.GetObject()) {
          if (member.value.IsInt64()) {
            counts.emplace_back(member.value.GetInt64(), member.name.GetString());
          }
        }
        std::sort(counts.begin(), counts.end(),
                  [](const auto& x, const auto& y) { return x.first > y.first; });
        for (const auto& [count, label] : counts) {
          tally += (tally.empty() ? ": " : " vs ") + std::to_string(count) + " " + label;
        }
        if (!tally.empty()) tally += " mentions";
        // "; the text describes it as an Organization": a label a document's words gave.
        const auto& vote = snapshot["vote"];
        if (vote.HasMember("described") && vote["described"].IsArray()) {
          for (const auto& label : vote["described"].GetArray()) {
            if (label.IsString()) tally += std::string("; described as ") + label.GetString();
          }
        }
      }
      return "folded " + c.entity + name + " into " + c.value + " (label decided by corpus vote" +
             tally + ")";
    }
    return "merged " + c.entity + name + " into " + c.value;
  }
  if (c.op == ops::kRename) return "renamed " + c.entity + " to " + quoted(c.value);
  if (c.op == ops::kRelabel) return "relabelled " + c.entity + " as " + c.value;
  if (c.op == ops::kAliasAdd) return "added alias " + quoted(c.value) + " to " + c.entity;
  if (c.op == ops::kAliasRemove) return "removed alias " + quoted(c.value) + " from " + c.entity;
  if (c.op == ops::kDistinct) return c.entity + " and " + c.value + " are distinct";
  return c.op + " " + c.entity + " " + c.value;
}

void write_entity_fields(JsonOutput& out, const store::NodeRecord& node) {
  out.field("id", Entity::make_id(node.label, node.key));
  out.field("node", node.id);
  out.field("label", node.label);
  out.field("name", node.name);
  out.string_array("aliases", node.aliases);
  out.raw_field("props", node.props_json);
  out.field("mentions", node.mention_count);
  out.field("documents", node.document_count);
}

}  // namespace skein::cli
