#include "cli/GraphOptions.h"

#include <cctype>

#include "cli/Common.h"
#include "core/Error.h"

namespace skein::cli {

namespace {

bool is_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

}  // namespace

void add_evidence_options(ArgParser& parser, std::string& from_date, std::string& to_date,
                          bool& text_only) {
  parser.option("--from", "DATE", "only evidence published on/after DATE (YYYY-MM-DD)", from_date)
      .option("--to", "DATE", "only evidence published on/before DATE (YYYY-MM-DD)", to_date)
      .flag("--text-only", "ignore gazetteer facts; keep relations the text supports", text_only);
}

void check_evidence_options(const std::string& from_date, const std::string& to_date) {
  if (!from_date.empty() && !is_date(from_date)) {
    throw UsageError("--from expects a date YYYY-MM-DD, got '" + from_date + "'");
  }
  if (!to_date.empty() && !is_date(to_date)) {
    throw UsageError("--to expects a date YYYY-MM-DD, got '" + to_date + "'");
  }
}

void add_graph_filter_options(ArgParser& parser, graph::GraphFilter& filter, bool with_top,
                              bool with_focus) {
  parser
      .list("-l,--label", "LABEL", "only entities with these labels (Person, Country, ...)",
            filter.labels)
      .list("-t,--type", "TYPE", "only these relation types (met-with, trades-with, ...)",
            filter.types)
      .option("--min-weight", "W", "only relations with at least W pieces of evidence",
              filter.min_weight)
      .option("--min-confidence", "C", "only relations at least this confident (0..1)",
              filter.min_confidence);
  add_evidence_options(parser, filter.from_date, filter.to_date, filter.text_only);
  parser.flag("--co-mention",
              "add co-mention links: entities named in the same sentence (type co-mention, "
              "weight = sentences; not relations)",
              filter.co_mention);
  if (with_focus) {
    parser
        .list("--focus", "ENTITY", "only the neighbourhood of this entity (name, alias or id)",
              filter.focus)
        .option("--depth", "N", "hops around --focus", filter.focus_depth);
  }
  if (with_top) {
    parser.option("--top", "N", "only the N entities of highest PageRank (0 = all)", filter.top);
  }
}

void prepare_graph_filter(const store::Store& store, graph::GraphFilter& filter) {
  if (filter.min_weight < 0) throw UsageError("--min-weight must not be negative");
  if (filter.min_confidence < 0 || filter.min_confidence > 1) {
    throw UsageError("--min-confidence must be between 0 and 1");
  }
  check_evidence_options(filter.from_date, filter.to_date);
  if (filter.focus_depth < 0) throw UsageError("--depth must not be negative");
  if (filter.top < 0) throw UsageError("--top must not be negative");
  for (auto& focus : filter.focus) focus = std::to_string(store.resolve_node(focus).id);
}

graph::GraphView load_graph(const store::Store& store, graph::GraphFilter& filter) {
  prepare_graph_filter(store, filter);
  return graph::GraphView::from_store(store, filter);
}

graph::NodeIndex resolve_in_view(const store::Store& store, const graph::GraphView& view,
                                 const std::string& argument) {
  const auto record = store.resolve_node(argument);
  const auto index = view.find(record.id);
  if (!index) {
    throw Error(record.name + " (" + Entity::make_id(record.label, record.key) +
                ") is not in the graph the filters select");
  }
  return *index;
}

void write_members_json(JsonOutput& out, const graph::GraphView& view,
                        const std::vector<graph::NodeIndex>& group, std::size_t shown) {
  out.key("members");
  out.w().StartArray();
  for (std::size_t i = 0; i < shown && i < group.size(); ++i) {
    const auto& node = view.node(group[i]);
    out.w().StartObject();
    out.field("id", node.id);
    out.field("name", node.name);
    out.field("label", node.label);
    out.w().EndObject();
  }
  out.w().EndArray();
}

std::string member_names(const graph::GraphView& view, const std::vector<graph::NodeIndex>& group,
                         std::size_t shown) {
  std::string names;
  for (std::size_t i = 0; i < shown && i < group.size(); ++i) {
    if (i > 0) names += ", ";
    names += view.node(group[i]).name;
  }
  if (shown < group.size()) names += ", ...";
  return names;
}

}  // namespace skein::cli
