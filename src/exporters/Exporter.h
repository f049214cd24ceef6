#pragma once
// Exporters: a GraphView (plus, optionally, the store it came from) written out for other
// tools: Neo4j (bulk-import CSVs or an idempotent Cypher script), Gephi (GEXF 1.3/1.2,
// GraphML, spreadsheet CSVs), web viewers (Cytoscape.js / d3 / JSON Graph Format) and Skein's
// own browser view (one self-contained HTML page; see ViewerPage.h and exports/html/).
// Each format's contract, with a reference output and how to load it, is in exports/<format>/.
//
// Contract
//  - Output is deterministic: the same view, store and options give the same bytes (no
//    timestamps, no hash-map iteration order, fixed number formatting).
//  - Writes stream: nodes and edges are formatted one at a time and written through a
//    buffer. Beyond the view itself an export holds O(1) per node (position, date span, the
//    store's per-node counts are fetched one node at a time) and O(number of property keys).
//  - Every string is escaped for its target (XML, RFC 4180 CSV, Cypher literals, JSON).
//    Characters a format cannot carry are replaced, never passed through: C0 controls other
//    than tab/LF/CR become U+FFFD in XML; the neo4j array delimiter (U+001F) is removed from
//    values. Strings that are not valid UTF-8 are repaired (U+FFFD) before writing.
//  - Identity: nodes are "n<store id>" in GEXF/GraphML/JSON/CSV and their entity id
//    ("<Label>:<key>", from the store) in Neo4j; edges are "e<edge index>" and carry their
//    store id as an attribute. A view whose nodes do not have distinct store ids is refused
//    with skein::Error (it is a bug in whoever built the view).
//  - Provenance (documents, mentions, evidence sentences) needs ExportInput::store; without
//    one the provenance files of the neo4j/cypher formats are written empty (headers only)
//    and per-node mention counts are left out.
//  - Errors: skein::Error naming the path when a file cannot be created or written;
//    UsageError for options out of range (unknown format or style, GEXF version).
//
// Thread-safety: export functions only read the view and the store; run one export per Store
// at a time (a Store is single-threaded). Different views may be exported concurrently.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skein::store {
class Store;
struct EvidenceRecord;
}  // namespace skein::store
namespace skein::graph {
class GraphView;
struct GraphFilter;
}  // namespace skein::graph

namespace skein::exporters {

enum class Format { kNeo4j, kCypher, kGexf, kGraphml, kJson, kCsv, kHtml };

// "neo4j", "cypher", "gexf", "graphml", "json", "csv", "html" (nullopt otherwise).
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);
// True for formats that write a directory of files (neo4j, csv) rather than one file.
bool writes_directory(Format format);

enum class JsonStyle { kCytoscape, kD3, kJgf };
std::optional<JsonStyle> parse_json_style(std::string_view name);  // cytoscape, d3, jgf

enum class LayoutKind {
  kAuto,    // force-directed (graph/Layout.h) up to force_layout_max_nodes, else spiral
  kForce,   // always force-directed (Barnes-Hut: ~0.2 s per 1,000 nodes at 200 iterations)
  kSpiral,  // deterministic phyllotaxis spiral, ordered by community then rank: O(n)
  kNone,    // no positions written
};
std::optional<LayoutKind> parse_layout(std::string_view name);  // auto, force, spiral, none

// Where a running export is (ExportOptions::on_progress): a stage ("layout", "entities",
// "relations") and how far into it (`done` of `total` items).
struct ExportProgress {
  std::string_view stage;
  std::size_t done = 0;
  std::size_t total = 0;
};

struct ExportOptions {
  // GEXF: "1.3" (default; Gephi 0.9+, graphology) or "1.2" (1.2draft namespace, for NetworkX
  // and older readers).
  std::string gexf_version = "1.3";
  JsonStyle json_style = JsonStyle::kCytoscape;
  LayoutKind layout = LayoutKind::kAuto;
  std::size_t force_layout_max_nodes = 2000;  // kAuto switches to the spiral above this
  int force_layout_iterations = 200;          // Barnes-Hut force-directed cooling steps
  std::size_t cypher_batch_rows = 500;        // rows per UNWIND statement (>= 1)
  bool provenance = true;  // with a store: documents, mentions and evidence (every format)
  // With a store: supporting sentences written per edge (with their documents' uri, title and
  // date, and a count of all of them) in GEXF, GraphML, JSON and CSV; 0 = none.
  std::size_t evidence_per_edge = 5;
  std::string web_dir;                // html: the viewer and its libraries ("" = default_web_dir())
  std::string title = "Skein graph";  // html: the page title
  // Told where the export is: once before the layout, then per entity and per relation
  // whose evidence is read (called often: keep it cheap). Empty: nothing is told.
  std::function<void(const ExportProgress&)> on_progress;
};

// What to export. `store` is optional (provenance and per-node counts come from it);
// `filter` (optional) restricts the exported evidence to the view's date range and basis.
struct ExportInput {
  const graph::GraphView& view;
  const store::Store* store = nullptr;
  const graph::GraphFilter* filter = nullptr;
};

struct ExportSummary {
  std::vector<std::string> files;  // paths written, in order
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::size_t documents = 0;  // provenance rows (0 without a store)
  std::size_t mentions = 0;   // entity->document links
  std::size_t evidence = 0;
  std::uint64_t bytes = 0;  // total bytes written
};

// Writes `format` to `path`: a directory for neo4j and csv (created if missing; the files in
// it are overwritten), a file otherwise ("-" = stdout for single-file formats).
ExportSummary export_graph(Format format, const ExportInput& input, const std::string& path,
                           const ExportOptions& options = {});

// Single-file formats written to a stream (tests, stdout). `name` is used in error messages.
ExportSummary write_cypher(const ExportInput& input, std::ostream& out,
                           const ExportOptions& options = {}, const std::string& name = "<stream>");
ExportSummary write_gexf(const ExportInput& input, std::ostream& out,
                         const ExportOptions& options = {}, const std::string& name = "<stream>");
ExportSummary write_graphml(const ExportInput& input, std::ostream& out,
                            const ExportOptions& options = {},
                            const std::string& name = "<stream>");
ExportSummary write_json(const ExportInput& input, std::ostream& out,
                         const ExportOptions& options = {}, const std::string& name = "<stream>");

// The browser view's graph data alone (the JSON the page embeds, and what `skein serve`
// answers with): {"meta", "documents", "nodes", "edges"}, described in exports/html/README.md.
// Every '<' is written as \u003c so the text can sit inside a <script> element.
ExportSummary write_viewer_json(const ExportInput& input, std::ostream& out,
                                const ExportOptions& options = {},
                                const std::string& name = "<stream>");

// The neo4j-admin array delimiter used in the CSVs (U+001F, "unit separator"): a single
// character that never occurs in exported values, because it is stripped from them.
inline constexpr char kNeo4jArrayDelimiter = '\x1f';

// Naming conventions shared by the Neo4j formats, exposed for tests:
// "met-with" -> "MET_WITH"; "geo place" -> "GeoPlace"; property keys -> [A-Za-z_][A-Za-z0-9_]*.
std::string neo4j_relationship_type(std::string_view type);
std::string neo4j_label(std::string_view label);

}  // namespace skein::exporters
