// skein correct: the user's corrections to the graph (docs/corrections.md). Each action turns
// its arguments into a store::Correction (entities resolved as every command resolves them)
// and hands it to the store, which applies and keeps it; export and apply move corrections
// between stores as JSON Lines.

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/Json.h"
#include "core/Error.h"
#include "core/Extraction.h"
#include "core/Utf8.h"

namespace skein::cli {
namespace {

namespace ops = store::correction_ops;

const char* const kUsage =
    "correct [options] ACTION ARGUMENTS...\n"
    "  merge KEEP OTHER...        OTHER entities become KEEP (mentions, relations, evidence,\n"
    "                             aliases and props move to KEEP)\n"
    "  unmerge ENTITY             undo the merge that absorbed ENTITY (its id or former name)\n"
    "  rename ENTITY NAME         give ENTITY a new display name\n"
    "  relabel ENTITY LABEL       give ENTITY another label (Person, Organization, ...)\n"
    "  alias add ENTITY ALIAS     add an alias;  alias remove ENTITY ALIAS  remove one\n"
    "  distinct A B               A and B are different things: never merge them\n"
    "  list                       the corrections in the store\n"
    "  export -o FILE             write them as JSON Lines ('-' for stdout)\n"
    "  apply FILE                 apply a corrections file (all of it, or nothing)";

std::string folded(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string entity_id(const store::NodeRecord& node) {
  return Entity::make_id(node.label, node.key);
}

// The JSON Lines field that carries Correction::value for each op.
const char* value_field(const std::string& op) {
  if (op == ops::kMerge) return "into";
  if (op == ops::kRename) return "name";
  if (op == ops::kRelabel) return "label";
  if (op == ops::kDistinct) return "other";
  return "alias";
}

std::string to_json_line(const store::Correction& c) {
  JsonOutput out;
  out.w().StartObject();
  out.field("op", c.op);
  out.field("entity", c.entity);
  out.field(value_field(c.op), c.value);
  rapidjson::Document snapshot;
  snapshot.Parse(c.snapshot_json.c_str());
  if (!snapshot.HasParseError() && snapshot.IsObject()) {
    if (c.op == ops::kMerge && snapshot.MemberCount() > 0) {
      out.key("absorbed");
      snapshot.Accept(out.w());
    } else if (c.op == ops::kDistinct && snapshot.HasMember("names")) {
      out.key("names");
      snapshot["names"].Accept(out.w());
    }
  }
  if (!c.created_at.empty()) out.field("created_at", c.created_at);
  out.w().EndObject();
  std::ostringstream line;
  out.print(line);
  return line.str();
}

// One line of a corrections file as a Correction; throws InputError naming file and line.
store::Correction parse_line(const std::string& text, const std::string& file, std::size_t line) {
  rapidjson::Document json;
  json.Parse(text.c_str(), text.size());
  if (json.HasParseError()) {
    throw InputError(file, line,
                     std::string("not JSON: ") + rapidjson::GetParseError_En(json.GetParseError()));
  }
  if (!json.IsObject()) throw InputError(file, line, "not a JSON object");
  auto text_field = [&](const char* name) {
    auto member = json.FindMember(name);
    if (member == json.MemberEnd() || !member->value.IsString()) {
      throw InputError(file, line, std::string("needs a string \"") + name + "\"");
    }
    return std::string(member->value.GetString(), member->value.GetStringLength());
  };
  store::Correction c;
  c.op = text_field("op");
  const bool known = c.op == ops::kMerge || c.op == ops::kRename || c.op == ops::kRelabel ||
                     c.op == ops::kAliasAdd || c.op == ops::kAliasRemove || c.op == ops::kDistinct;
  if (!known) {
    throw InputError(file, line,
                     "unknown op '" + c.op +
                         "' (known: merge, rename, relabel, alias-add, alias-remove, distinct)");
  }
  c.entity = text_field("entity");
  c.value = text_field(value_field(c.op));
  if (json.HasMember("created_at")) c.created_at = text_field("created_at");
  if (c.op == ops::kMerge && json.HasMember("absorbed")) {
    if (!json["absorbed"].IsObject()) throw InputError(file, line, "\"absorbed\" is not an object");
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    json["absorbed"].Accept(writer);
    c.snapshot_json.assign(buffer.GetString(), buffer.GetSize());
  }
  if (c.op == ops::kDistinct && json.HasMember("names")) {
    if (!json["names"].IsArray()) throw InputError(file, line, "\"names\" is not an array");
    rapidjson::Document snapshot(rapidjson::kObjectType);
    rapidjson::Value names;
    names.CopyFrom(json["names"], snapshot.GetAllocator());
    snapshot.AddMember("names", names, snapshot.GetAllocator());
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    snapshot.Accept(writer);
    c.snapshot_json.assign(buffer.GetString(), buffer.GetSize());
  }
  return c;
}

void need(const std::vector<std::string>& words, std::size_t count, const char* usage) {
  if (words.size() != count) throw UsageError(std::string("usage: skein correct ") + usage);
}

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  std::string output;
  bool json = false;
  std::vector<std::string> words;
  ArgParser parser(kUsage,
                   "Corrects the graph by hand. Corrections are kept in the store: a later ingest\n"
                   "of new or changed documents obeys them, `skein merge` carries them over, and\n"
                   "`skein show` lists those of an entity. ENTITY is a name, alias or id, as\n"
                   "everywhere; an ambiguous name lists its candidates to pick from.");
  add_store_option(parser, db);
  parser.option("-o,--output", "FILE", "export: the file to write ('-' = stdout)", output)
      .flag("--json", "list: JSON Lines output (the export format)", json)
      .positionals("ACTION ARG...", "what to do, and its arguments", words, 1, 0)
      .epilog(
          "examples:\n"
          "  skein correct merge 'Organization:UK Independence Party' UKIP#2\n"
          "  skein correct unmerge Organization:ukip-2\n"
          "  skein correct rename 'Tony Blair' 'Tony Blair'\n"
          "  skein correct distinct 'Chelsea#1' 'Chelsea#2'\n"
          "  skein correct export -o fixes.jsonl && skein --db other.db correct apply fixes.jsonl");
  if (!parser.parse(args)) return 0;
  const std::string action = words.front();

  if (action == "list" || action == "export") {
    need(words, 1, action == "list" ? "list [--json]" : "export -o FILE");
    if (action == "export" && output.empty()) throw UsageError("export needs -o FILE");
    auto store = open_existing_store(db);
    const auto corrections = store.corrections();
    if (action == "list" && !json) {
      if (corrections.empty()) std::cout << "no corrections in " << db << "\n";
      for (const auto& c : corrections) {
        std::cout << c.id << "  " << c.created_at << "  " << utf8::printable(describe_correction(c))
                  << "\n";
      }
      return 0;
    }
    // Label votes are the store's own, recomputed by every write: not the user's to carry.
    std::string text;
    std::size_t written = 0;
    for (const auto& c : corrections) {
      if (c.source == store::correction_sources::kVote) continue;
      text += to_json_line(c);
      ++written;
    }
    if (action == "list" || output == "-") {
      std::cout << text;
      return 0;
    }
    std::ofstream file(output, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) throw InputError(output, "cannot write the corrections file");
    std::cout << "wrote " << written << " correction(s) to " << output << "\n";
    return 0;
  }

  if (action == "apply") {
    need(words, 2, "apply FILE");
    const std::string& path = words[1];
    std::ifstream file(path, std::ios::binary);
    if (!file) throw InputError(path, "cannot read the corrections file");
    // Parse everything first, so a bad line costs nothing.
    std::vector<std::pair<std::size_t, store::Correction>> corrections;
    std::string text;
    for (std::size_t line = 1; std::getline(file, text); ++line) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (text.find_first_not_of(" \t") == std::string::npos) continue;
      corrections.emplace_back(line, parse_line(text, path, line));
    }
    if (file.bad()) throw InputError(path, "cannot read the corrections file");
    auto store = open_existing_store(db, StoreAccess::kWrite);
    std::size_t applied = 0;
    store::Store::Batch batch(store);  // all or nothing
    for (const auto& [line, correction] : corrections) {
      try {
        if (store.correct(correction)) ++applied;
      } catch (const InputError& error) {
        throw InputError(path, line, error.what());
      }
    }
    batch.commit();
    std::cout << "applied " << applied << " correction(s) from " << path << " ("
              << corrections.size() - applied << " already there)\n";
    return 0;
  }

  auto store = open_existing_store(db, StoreAccess::kWrite);
  auto done = [&](const store::Correction& c, bool changed) {
    std::cout << (changed ? "" : "already recorded: ") << utf8::printable(describe_correction(c))
              << "\n";
  };
  auto make = [](const char* op, std::string entity, std::string value) {
    store::Correction c;
    c.op = op;
    c.entity = std::move(entity);
    c.value = std::move(value);
    return c;
  };

  if (action == "merge") {
    if (words.size() < 3) throw UsageError("usage: skein correct merge KEEP OTHER...");
    const auto keep = store.resolve_node(words[1]);
    std::vector<store::NodeRecord> others;
    for (std::size_t i = 2; i < words.size(); ++i) others.push_back(store.resolve_node(words[i]));
    store::Store::Batch batch(store);
    for (const auto& other : others) {
      auto c = make(ops::kMerge, entity_id(other), entity_id(keep));
      const bool changed = store.correct(c);
      // Report what was recorded: it names the absorbed node as it was.
      for (const auto& recorded : store.corrections(entity_id(keep))) {
        if (recorded.op == c.op && recorded.entity == c.entity) c = recorded;
      }
      done(c, changed);
    }
    batch.commit();
    return 0;
  }
  if (action == "unmerge") {
    need(words, 2, "unmerge ENTITY");
    std::string absorbed = words[1];
    // A former name works too, when exactly one merge absorbed an entity of that name.
    std::vector<std::string> by_name;
    for (const auto& c : store.corrections()) {
      if (c.op != ops::kMerge) continue;
      if (c.entity == absorbed) {
        by_name = {c.entity};
        break;
      }
      rapidjson::Document snapshot;
      snapshot.Parse(c.snapshot_json.c_str());
      if (snapshot.IsObject() && snapshot.HasMember("name") && snapshot["name"].IsString() &&
          folded(snapshot["name"].GetString()) == folded(absorbed)) {
        by_name.push_back(c.entity);
      }
    }
    if (by_name.size() > 1) {
      std::string list;
      for (const auto& id : by_name) list += (list.empty() ? "" : ", ") + id;
      throw InputError(
          db, "several merged entities were named '" + absorbed + "'; name one by its id: " + list);
    }
    if (by_name.size() == 1) absorbed = by_name.front();
    std::optional<store::Correction> vote;
    for (const auto& c : store.corrections()) {
      if (c.op == ops::kMerge && c.entity == absorbed &&
          c.source == store::correction_sources::kVote) {
        vote = c;
      }
    }
    store::Store::Batch batch(store);
    const auto restored = store.unmerge(absorbed);
    if (vote) {
      // Undoing a label vote's fold says the two are different things: recorded as such, so
      // the next vote leaves them apart.
      auto distinct = make(ops::kDistinct, vote->entity, vote->value);
      store.correct(distinct);
      std::cout << "recorded: " << utf8::printable(describe_correction(distinct)) << "\n";
    }
    batch.commit();
    auto node = store.node(restored);
    std::cout << "restored " << absorbed;
    if (node) {
      std::cout << " (" << utf8::printable(node->name) << ", " << node->mention_count
                << " mentions, " << store.edges_of(node->id).size() << " relations)";
    }
    std::cout << "\n";
    return 0;
  }
  if (action == "rename") {
    need(words, 3, "rename ENTITY NAME");
    if (words[2].empty()) throw UsageError("the new name is empty");
    auto c = make(ops::kRename, entity_id(store.resolve_node(words[1])), words[2]);
    done(c, store.correct(c));
    return 0;
  }
  if (action == "relabel") {
    need(words, 3, "relabel ENTITY LABEL");
    require_known({words[2]}, known_labels(store), "label");
    auto c = make(ops::kRelabel, entity_id(store.resolve_node(words[1])), words[2]);
    done(c, store.correct(c));
    return 0;
  }
  if (action == "alias") {
    if (words.size() != 4 || (words[1] != "add" && words[1] != "remove")) {
      throw UsageError("usage: skein correct alias add|remove ENTITY ALIAS");
    }
    if (words[3].empty()) throw UsageError("the alias is empty");
    const auto node = store.resolve_node(words[2]);
    const bool add = words[1] == "add";
    // A user removing an alias the entity lacks has most likely mistyped it.
    if (!add && node.name != words[3] &&
        std::find(node.aliases.begin(), node.aliases.end(), words[3]) == node.aliases.end()) {
      throw InputError(db, entity_id(node) + " has no alias '" + words[3] + "'");
    }
    auto c = make(add ? ops::kAliasAdd : ops::kAliasRemove, entity_id(node), words[3]);
    done(c, store.correct(c));
    return 0;
  }
  if (action == "distinct") {
    need(words, 3, "distinct A B");
    const auto a = store.resolve_node(words[1]);
    const auto b = store.resolve_node(words[2]);
    if (a.id == b.id) throw UsageError("'" + words[1] + "' and '" + words[2] + "' are one entity");
    auto c = make(ops::kDistinct, entity_id(a), entity_id(b));
    done(c, store.correct(c));
    return 0;
  }
  const std::string suggestion = closest_match(
      action,
      {"merge", "unmerge", "rename", "relabel", "alias", "distinct", "list", "export", "apply"});
  throw UsageError("unknown action '" + action + "'" +
                   (suggestion.empty() ? "" : "; did you mean " + suggestion + "?"));
}

const bool registered = register_command(
    {"correct", "merge, unmerge, rename, relabel entities; aliases; corrections files", run});

}  // namespace
}  // namespace skein::cli
