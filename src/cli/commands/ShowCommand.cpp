// skein show ENTITY: an entity card — label, aliases, properties, and each relation with the
// sentences that support it.

#include <algorithm>
#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/GraphOptions.h"
#include "cli/Json.h"
#include "core/Error.h"
#include "core/Utf8.h"

namespace skein::cli {
namespace {

// Sentences may span lines in the source text; a card shows each on one line.
std::string one_line(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  std::vector<std::string> entity;
  int evidence_limit = 3;
  store::EvidenceFilter filter;
  bool json = false;
  ArgParser parser("show [options] ENTITY",
                   "Shows an entity card: label, aliases, properties, and every relation with the\n"
                   "sentences that support it. ENTITY is a name, an alias or an id (Country:KR),\n"
                   "matched case-insensitively.");
  add_store_option(parser, db);
  parser.option("-e,--evidence", "N", "supporting sentences per relation (0 = all)", evidence_limit)
      .flag("--json", "JSON output", json);
  add_evidence_options(parser, filter.from_date, filter.to_date, filter.text_only);
  parser.positionals("ENTITY", "name, alias or id of the entity", entity, 1, 1);
  if (!parser.parse(args)) return 0;
  if (evidence_limit < 0) throw UsageError("--evidence must not be negative");
  check_evidence_options(filter.from_date, filter.to_date);

  auto store = open_existing_store(db);
  const auto node = store.resolve_node(entity.front());
  auto edges = store.edges_of(node.id, filter);
  std::stable_sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
    if (a.type != b.type) return a.type < b.type;
    return a.weight > b.weight;
  });
  auto other_end = [&](const store::EdgeRecord& edge) {
    auto other = store.node(edge.src == node.id ? edge.dst : edge.src);
    return other ? *other : store::NodeRecord{};
  };
  const auto limit = static_cast<std::size_t>(evidence_limit);
  const auto corrections = store.corrections(Entity::make_id(node.label, node.key));

  if (json) {
    JsonOutput out;
    out.w().StartObject();
    write_entity_fields(out, node);
    out.key("corrections");
    out.w().StartArray();
    for (const auto& c : corrections) {
      out.w().StartObject();
      out.field("op", c.op);
      out.field("entity", c.entity);
      out.field("value", c.value);
      out.field("created_at", c.created_at);
      out.field("description", describe_correction(c));
      out.w().EndObject();
    }
    out.w().EndArray();
    out.key("relations");
    out.w().StartArray();
    for (const auto& edge : edges) {
      auto other = other_end(edge);
      out.w().StartObject();
      out.field("type", edge.type);
      out.field("direction", edge.symmetric ? "both" : (edge.src == node.id ? "out" : "in"));
      out.field("other", Entity::make_id(other.label, other.key));
      out.field("other_name", other.name);
      out.field("weight", edge.weight);
      out.field("confidence", edge.confidence);
      out.raw_field("props", edge.props_json);
      out.key("evidence");
      out.w().StartArray();
      for (const auto& evidence : store.evidence(edge.id, limit, filter)) {
        out.w().StartObject();
        out.field("document", evidence.document_uri);
        out.field("start", evidence.start);
        out.field("end", evidence.end);
        out.field("sentence", evidence.sentence);
        out.field("rule", evidence.rule);
        out.field("basis", evidence.basis);
        out.field("confidence", evidence.confidence);
        out.w().EndObject();
      }
      out.w().EndArray();
      out.w().EndObject();
    }
    out.w().EndArray();
    out.w().EndObject();
    out.print();
    return 0;
  }

  auto p = [](const std::string& text) { return utf8::printable(text); };
  std::cout << p(node.name) << "  [" << node.label << "]  "
            << p(Entity::make_id(node.label, node.key)) << "\n";
  if (!node.aliases.empty()) {
    std::cout << "  also: ";
    for (std::size_t i = 0; i < node.aliases.size(); ++i) {
      std::cout << (i ? ", " : "") << p(node.aliases[i]);
    }
    std::cout << "\n";
  }
  if (node.props_json != "{}" && !node.props_json.empty())
    std::cout << "  props: " << p(rounded_json(node.props_json)) << "\n";
  std::cout << "  mentioned " << node.mention_count << " times in " << node.document_count
            << " document(s)\n";
  if (!corrections.empty()) {
    std::cout << "  corrections:\n";
    for (const auto& c : corrections) {
      std::cout << "    " << p(describe_correction(c)) << "  (" << c.created_at << ")\n";
    }
  }
  if (edges.empty()) {
    std::cout << "\n  no relations\n";
    return 0;
  }
  for (const auto& edge : edges) {
    auto other = other_end(edge);
    const char* arrow = edge.symmetric ? "--" : (edge.src == node.id ? "->" : "<-");
    std::cout << "\n  " << edge.type << " " << arrow << " " << p(other.name) << " [" << other.label
              << "]  weight " << edge.weight << ", confidence "
              << static_cast<int>(edge.confidence * 100 + 0.5) << "%";
    if (edge.props_json != "{}" && !edge.props_json.empty())
      std::cout << "  " << p(rounded_json(edge.props_json));
    std::cout << "\n";
    for (const auto& evidence : store.evidence(edge.id, limit, filter)) {
      std::cout << "    " << (evidence.basis == "knowledge" ? "[gazetteer] " : "") << "\""
                << p(one_line(evidence.sentence)) << "\"\n      — " << p(evidence.document_uri)
                << " (" << evidence.rule << ")\n";
    }
  }
  return 0;
}

const bool registered =
    register_command({"show", "an entity card with the sentences behind each relation", run});

}  // namespace
}  // namespace skein::cli
