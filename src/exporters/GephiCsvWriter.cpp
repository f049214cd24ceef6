// Gephi's spreadsheet import: nodes.csv (Id, Label, ...) and edges.csv (Source, Target, Type,
// Weight, ...). No BOM (Gephi then misses the Source/Target columns). "Type" is Gephi's edge
// direction (Directed/Undirected); Skein's relation type is in "Relation". Gephi has no list
// type in CSV, so aliases are written as JSON array text, and so are the evidence lists that
// follow evidence_count at the end of each edge row when there is a store.

#include <cmath>
#include <filesystem>
#include <system_error>

#include "core/Error.h"
#include "exporters/Escape.h"
#include "exporters/Writers.h"

namespace skein::exporters {

void write_gephi_csv_files(const ExportContext& context, const std::string& directory,
                           ExportSummary& summary) {
  namespace fs = std::filesystem;
  const fs::path dir(directory);
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw Error("cannot create directory " + directory + ": " + error.message());
  const auto& view = context.view();
  std::string line;
  auto text = [&](std::string_view value) { append_csv_quoted(line, value); };

  {
    const std::string path = (dir / "nodes.csv").string();
    auto sink = Sink::open_file(path);
    line = "Id,Label,type,key,aliases,store_id,degree";
    if (context.has_store()) line += ",mention_count,document_count";
    if (context.has_dates()) line += ",first_seen,last_seen";
    for (const auto& column : context.columns()) {
      line += ',';
      text(column.name);
    }
    if (context.has_positions()) line += ",x,y";
    line += ",size,color\n";
    NodeRow row;
    for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
      context.load_node(u, row);
      text(row.id);
      line += ',';
      text(row.name);
      line += ',';
      text(valid_utf8(row.node->label));
      line += ',';
      text(row.facts.key);
      line += ',';
      Value aliases;
      aliases.kind = ValueKind::kStringList;
      aliases.list = row.aliases;
      text(ExportContext::value_text(aliases));
      line += ',' + decimal(row.node->id) + ',' + decimal(view.degree(u));
      if (context.has_store()) {
        line += ',';
        if (row.facts.has_counts) line += decimal(row.facts.mention_count);
        line += ',';
        if (row.facts.has_counts) line += decimal(row.facts.document_count);
      }
      if (context.has_dates()) line += ',' + row.facts.first_seen + ',' + row.facts.last_seen;
      for (const auto& v : row.props) {
        line += ',';
        if (!v.present) continue;
        if (v.kind == ValueKind::kString || v.kind == ValueKind::kStringList) {
          text(ExportContext::value_text(v));
        } else {
          line += ExportContext::value_text(v);
        }
      }
      if (context.has_positions())
        line += ',' + format_double(context.x(u)) + ',' + format_double(context.y(u));
      const Rgb rgb = context.color(u);
      line += ',' + format_double(context.size(u)) + ',' + hex_color(rgb.r, rgb.g, rgb.b) + '\n';
      sink->write(line);
      line.clear();
    }
    sink->finish();
    summary.bytes += sink->bytes();
    summary.files.push_back(path);
  }
  {
    const std::string path = (dir / "edges.csv").string();
    auto sink = Sink::open_file(path);
    sink->write("Source,Target,Type,Id,Label,Weight,Relation,store_id,symmetric,confidence");
    if (context.has_dates()) sink->write(",first_seen,last_seen");
    const bool evidence = carries_edge_evidence(context);
    if (evidence) {
      sink->write(",evidence_count");
      for (const auto& list : kEvidenceLists) sink->write(std::string(",") + list.name);
    }
    sink->put('\n');
    EdgeEvidence ev;
    Value list;
    list.kind = ValueKind::kStringList;
    for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
      const auto& edge = view.edge(e);
      const std::string type = valid_utf8(edge.type);
      text(ExportContext::node_id(view.node(edge.source)));
      line += ',';
      text(ExportContext::node_id(view.node(edge.target)));
      line += edge.symmetric ? ",Undirected," : ",Directed,";
      text(ExportContext::edge_id(e));
      line += ',';
      text(type);
      line += ',';
      if (std::isfinite(edge.weight)) line += format_double(edge.weight);
      line += ',';
      text(type);
      line += ',' + decimal(edge.id) + (edge.symmetric ? ",true," : ",false,");
      if (std::isfinite(edge.confidence)) line += format_double(edge.confidence);
      if (context.has_dates()) {
        line += ',' + date_text(date_number(edge.first_seen)) + ',' +
                date_text(date_number(edge.last_seen));
      }
      if (evidence) {
        load_edge_evidence(context, e, ev);
        line += ',' + decimal(ev.count);
        for (const auto& field : kEvidenceLists) {
          list.list = evidence_list(ev, field.field);
          line += ',';
          text(ExportContext::value_text(list));
        }
        count_shown(ev, summary);
      }
      line += '\n';
      sink->write(line);
      line.clear();
    }
    sink->finish();
    summary.bytes += sink->bytes();
    summary.files.push_back(path);
  }
  summary.nodes = view.node_count();
  summary.edges = view.edge_count();
}

}  // namespace skein::exporters
