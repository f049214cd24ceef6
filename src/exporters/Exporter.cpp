#include "exporters/Exporter.h"

#include <iostream>

#include "core/Error.h"
#include "exporters/ViewerPage.h"
#include "exporters/Writers.h"

namespace skein::exporters {
namespace {

constexpr std::pair<std::string_view, Format> kFormats[] = {
    {"neo4j", Format::kNeo4j},     {"cypher", Format::kCypher}, {"gexf", Format::kGexf},
    {"graphml", Format::kGraphml}, {"json", Format::kJson},     {"csv", Format::kCsv},
    {"html", Format::kHtml}};

void check_options(const ExportOptions& options) {
  if (options.gexf_version != "1.3" && options.gexf_version != "1.2") {
    throw UsageError("unknown GEXF version '" + options.gexf_version + "' (expected 1.3 or 1.2)");
  }
}

bool needs_layout(Format format) {
  return format == Format::kGexf || format == Format::kGraphml || format == Format::kJson ||
         format == Format::kCsv || format == Format::kHtml;
}

using StreamWriter = void (*)(const ExportContext&, Sink&, ExportSummary&);

ExportSummary write_stream(Format format, StreamWriter writer, const ExportInput& input,
                           std::ostream& out, const ExportOptions& options,
                           const std::string& name) {
  check_options(options);
  ExportContext context(input, options, needs_layout(format));
  ExportSummary summary;
  Sink sink(out, name);
  writer(context, sink, summary);
  sink.finish();
  summary.bytes += sink.bytes();
  return summary;
}

StreamWriter stream_writer(Format format) {
  switch (format) {
    case Format::kCypher:
      return write_cypher_to;
    case Format::kGexf:
      return write_gexf_to;
    case Format::kGraphml:
      return write_graphml_to;
    case Format::kJson:
      return write_json_to;
    case Format::kHtml:
      return write_html_to;
    default:
      return nullptr;
  }
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [text, format] : kFormats) {
    if (text == name) return format;
  }
  return std::nullopt;
}

std::string_view format_name(Format format) {
  for (const auto& [text, value] : kFormats) {
    if (value == format) return text;
  }
  return "?";
}

bool writes_directory(Format format) { return format == Format::kNeo4j || format == Format::kCsv; }

std::optional<JsonStyle> parse_json_style(std::string_view name) {
  if (name == "cytoscape") return JsonStyle::kCytoscape;
  if (name == "d3") return JsonStyle::kD3;
  if (name == "jgf") return JsonStyle::kJgf;
  return std::nullopt;
}

std::optional<LayoutKind> parse_layout(std::string_view name) {
  if (name == "auto") return LayoutKind::kAuto;
  if (name == "force") return LayoutKind::kForce;
  if (name == "spiral") return LayoutKind::kSpiral;
  if (name == "none") return LayoutKind::kNone;
  return std::nullopt;
}

ExportSummary export_graph(Format format, const ExportInput& input, const std::string& path,
                           const ExportOptions& options) {
  check_options(options);
  if (path.empty()) throw UsageError("no output path given");
  if (writes_directory(format)) {
    if (path == "-")
      throw UsageError(std::string(format_name(format)) + " writes a directory: give -o DIR");
    ExportContext context(input, options, needs_layout(format));
    ExportSummary summary;
    if (format == Format::kNeo4j) {
      write_neo4j_files(context, path, summary);
    } else {
      write_gephi_csv_files(context, path, summary);
    }
    return summary;
  }
  const StreamWriter writer = stream_writer(format);
  if (path == "-") return write_stream(format, writer, input, std::cout, options, "<stdout>");
  // Build the context (and find the viewer's libraries) first, so a bad view or a missing
  // library fails before the output file is truncated.
  if (format == Format::kHtml) load_viewer_page(options.web_dir, options.title);
  ExportContext context(input, options, needs_layout(format));
  auto sink = Sink::open_file(path);
  ExportSummary summary;
  writer(context, *sink, summary);
  sink->finish();
  summary.bytes += sink->bytes();
  summary.files.push_back(path);
  return summary;
}

ExportSummary write_cypher(const ExportInput& input, std::ostream& out,
                           const ExportOptions& options, const std::string& name) {
  return write_stream(Format::kCypher, write_cypher_to, input, out, options, name);
}
ExportSummary write_gexf(const ExportInput& input, std::ostream& out, const ExportOptions& options,
                         const std::string& name) {
  return write_stream(Format::kGexf, write_gexf_to, input, out, options, name);
}
ExportSummary write_graphml(const ExportInput& input, std::ostream& out,
                            const ExportOptions& options, const std::string& name) {
  return write_stream(Format::kGraphml, write_graphml_to, input, out, options, name);
}
ExportSummary write_json(const ExportInput& input, std::ostream& out, const ExportOptions& options,
                         const std::string& name) {
  return write_stream(Format::kJson, write_json_to, input, out, options, name);
}

ExportSummary write_viewer_json(const ExportInput& input, std::ostream& out,
                                const ExportOptions& options, const std::string& name) {
  return write_stream(Format::kHtml, write_viewer_data_to, input, out, options, name);
}

}  // namespace skein::exporters
