// skein show ENTITY: an entity card — label, aliases, properties, and each relation with the
// sentences that support it.

#include <algorithm>
#include <cmath>
#include <iostream>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/GraphOptions.h"
#include "cli/Json.h"
#include "cli/Table.h"
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
  bool co_mention = false;
  int co_mention_limit = 10;
  ArgParser parser("show [options] ENTITY",
                   "Shows an entity card: label, aliases, properties, and every relation with the\n"
                   "sentences that support it. ENTITY is a name, an alias or an id (Country:KR),\n"
                   "matched case-insensitively. An entity with no relations shows its co-mention\n"
                   "links instead (entities named in the same sentence), marked as such.");
  add_store_option(parser, db);
  parser.option("-e,--evidence", "N", "supporting sentences per relation (0 = all)", evidence_limit)
      .flag("--json", "JSON output", json)
      .flag("--co-mention", "also list co-mention links when the entity has relations", co_mention)
      .option("--co-mention-limit", "N", "co-mention links listed, most sentences first (0 = all)",
              co_mention_limit);
  add_evidence_options(parser, filter.from_date, filter.to_date, filter.text_only);
  parser.positionals("ENTITY", "name, alias or id of the entity", entity, 1, 1);
  if (!parser.parse(args)) return 0;
  if (evidence_limit < 0) throw UsageError("--evidence must not be negative");
  if (co_mention_limit < 0) throw UsageError("--co-mention-limit must not be negative");
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
  // Co-mention links: with --co-mention, or as the fallback for an entity with no relations.
  // When there are none either, the weaker link: entities named in the same documents.
  const bool fallback = edges.empty() && !co_mention;
  std::vector<store::EdgeRecord> co_mentions;
  std::vector<store::DocumentCoMention> same_documents;
  if (co_mention || fallback) {
    co_mentions = store.co_mentions_of(node.id, filter);
    const auto shown = static_cast<std::size_t>(co_mention_limit);
    if (shown > 0 && co_mentions.size() > shown) co_mentions.resize(shown);
    if (co_mentions.empty()) {
      same_documents = store.document_co_mentions(node.id, shown);
    }
  }
  auto documents_of = [](const store::EdgeRecord& edge) {
    const auto at = edge.props_json.find(':');
    return at == std::string::npos
               ? std::string("?")
               : edge.props_json.substr(at + 1, edge.props_json.size() - at - 2);
  };
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
    // An edge's sentences; a relation's also say which rule found them, how and how surely.
    auto evidence_array = [&](std::int64_t edge_id, bool relation) {
      out.key("evidence");
      out.w().StartArray();
      for (const auto& evidence : store.evidence(edge_id, limit, filter)) {
        out.w().StartObject();
        out.field("document", evidence.document_uri);
        out.field("start", evidence.start);
        out.field("end", evidence.end);
        out.field("sentence", evidence.sentence);
        if (relation) {
          out.field("rule", evidence.rule);
          out.field("basis", evidence.basis);
          out.field("confidence", evidence.confidence);
        }
        out.w().EndObject();
      }
      out.w().EndArray();
    };
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
      evidence_array(edge.id, true);
      out.w().EndObject();
    }
    out.w().EndArray();
    // true when the entity has no relations and co_mentions is shown in their place
    out.field("co_mention_fallback", fallback);
    out.key("co_mentions");
    out.w().StartArray();
    for (const auto& edge : co_mentions) {
      auto other = other_end(edge);
      out.w().StartObject();
      out.field("other", Entity::make_id(other.label, other.key));
      out.field("other_name", other.name);
      out.field("sentences", edge.weight);
      out.raw_field("props", edge.props_json);
      evidence_array(edge.id, false);
      out.w().EndObject();
    }
    out.w().EndArray();
    out.key("same_documents");
    out.w().StartArray();
    for (const auto& link : same_documents) {
      const auto other = store.node(link.node_id).value_or(store::NodeRecord{});
      out.w().StartObject();
      out.field("other", Entity::make_id(other.label, other.key));
      out.field("other_name", other.name);
      out.field("documents", link.documents);
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
  if (edges.empty()) std::cout << "\n  no relations\n";
  for (const auto& edge : edges) {
    auto other = other_end(edge);
    const char* arrow = edge.symmetric ? "--" : (edge.src == node.id ? "->" : "<-");
    std::cout << "\n  " << edge.type << " " << arrow << " " << p(other.name) << " [" << other.label
              << "]  weight " << edge.weight << ", confidence "
              << std::lround(edge.confidence * 100) << "%";
    if (edge.props_json != "{}" && !edge.props_json.empty())
      std::cout << "  " << p(rounded_json(edge.props_json));
    std::cout << "\n";
    for (const auto& evidence : store.evidence(edge.id, limit, filter)) {
      std::cout << "    " << (evidence.basis == "knowledge" ? "[gazetteer] " : "") << "\""
                << p(one_line(evidence.sentence)) << "\"\n      — " << p(evidence.document_uri)
                << " (" << evidence.rule << ")\n";
    }
  }
  if (fallback) {
    std::cout << "  falling back to co-mention (named in the same sentence, which asserts no "
                 "relation):\n";
  }
  for (const auto& edge : co_mentions) {
    auto other = other_end(edge);
    std::cout << "\n  co-mention -- " << p(other.name) << " [" << other.label << "]  "
              << format_fixed(edge.weight, 0) << " sentence(s) in " << documents_of(edge)
              << " document(s)\n";
    for (const auto& evidence : store.evidence(edge.id, limit, filter)) {
      std::cout << "    \"" << p(one_line(evidence.sentence)) << "\"\n      — "
                << p(evidence.document_uri) << "\n";
    }
  }
  if ((co_mention || fallback) && co_mentions.empty()) {
    std::cout << "\n  no co-mention links";
    if (!same_documents.empty()) {
      std::cout << "; named in the same documents as (weaker still):\n";
      for (const auto& link : same_documents) {
        const auto other = store.node(link.node_id).value_or(store::NodeRecord{});
        std::cout << "    " << p(other.name) << " [" << other.label << "]  " << link.documents
                  << " document(s)\n";
      }
    } else {
      std::cout << "\n";
    }
  }
  return 0;
}

const bool registered =
    register_command({"show", "an entity card with the sentences behind each relation", run});

}  // namespace
}  // namespace skein::cli
