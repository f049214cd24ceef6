#pragma once
// The graph filter options every graph-reading command shares (rank, path, neighbors,
// communities, components, analyze, render, export), so they are spelled and behave the same
// everywhere: --label, --type, --min-weight, --min-confidence, --from, --to, --text-only,
// --co-mention, --focus, --depth and (unless the command has its own meaning for it) --top.
//
// Not thread-safe; used while a command parses its arguments.

#include <string>

#include "cli/ArgParser.h"
#include "cli/Json.h"
#include "graph/GraphView.h"
#include "store/Store.h"

namespace skein::cli {

// Binds --from, --to and --text-only, the evidence filter (store::EvidenceFilter), to these
// fields: for commands that read evidence without building a graph (show).
void add_evidence_options(ArgParser& parser, std::string& from_date, std::string& to_date,
                          bool& text_only);
// UsageError unless each non-empty date is YYYY-MM-DD.
void check_evidence_options(const std::string& from_date, const std::string& to_date);

// Binds the filter options to `filter`. With `with_top` false, --top is left for the command
// (skein rank uses it for the number of rows); with `with_focus` false, --focus and --depth
// are (skein neighbors has its own centre and --depth).
void add_graph_filter_options(ArgParser& parser, graph::GraphFilter& filter, bool with_top = true,
                              bool with_focus = true);

// Checks the parsed values (dates YYYY-MM-DD, confidence in [0, 1], non-negative numbers;
// UsageError otherwise) and resolves each --focus argument through Store::resolve_node, replacing
// it by the node's numeric id, so ambiguity and typos get the CLI's usual messages.
void prepare_graph_filter(const store::Store& store, graph::GraphFilter& filter);

// prepare_graph_filter + GraphView::from_store.
graph::GraphView load_graph(const store::Store& store, graph::GraphFilter& filter);

// The view's node for a user's entity argument (name, alias or id), or an Error saying that
// the entity exists but the filters left it out.
graph::NodeIndex resolve_in_view(const store::Store& store, const graph::GraphView& view,
                                 const std::string& argument);

// The first `shown` members of a group (communities, components): as a JSON array of
// {id, name, label} under "members", or as "name, name, ..." for a table cell.
void write_members_json(JsonOutput& out, const graph::GraphView& view,
                        const std::vector<graph::NodeIndex>& group, std::size_t shown);
std::string member_names(const graph::GraphView& view, const std::vector<graph::NodeIndex>& group,
                         std::size_t shown);

}  // namespace skein::cli
