#pragma once
// The per-format writers behind export_graph() (internal to exporters). Each streams the
// context's view to its sink(s) and adds what it wrote to the summary.

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "exporters/ExportContext.h"
#include "exporters/Sink.h"
#include "store/Store.h"

namespace skein::exporters {

void write_neo4j_files(const ExportContext& context, const std::string& directory,
                       ExportSummary& summary);
void write_gephi_csv_files(const ExportContext& context, const std::string& directory,
                           ExportSummary& summary);
void write_cypher_to(const ExportContext& context, Sink& sink, ExportSummary& summary);
void write_gexf_to(const ExportContext& context, Sink& sink, ExportSummary& summary);
void write_graphml_to(const ExportContext& context, Sink& sink, ExportSummary& summary);
void write_json_to(const ExportContext& context, Sink& sink, ExportSummary& summary);
// The browser view: its data block alone, or the whole page around it.
void write_viewer_data_to(const ExportContext& context, Sink& sink, ExportSummary& summary);
void write_html_to(const ExportContext& context, Sink& sink, ExportSummary& summary);

// ---- provenance (shared by neo4j and cypher; all no-ops without a store) ----------------

struct MentionLink {
  graph::NodeIndex node = graph::kNoNode;
  std::int64_t document_id = 0;
  std::string document_uri;
  std::int64_t count = 0;  // mentions of the node in that document
};
// Each node's documents, node by node, documents in id order.
void for_each_mention_link(const ExportContext& context,
                           const std::function<void(const MentionLink&)>& visit);

struct EvidenceItem {
  graph::EdgeIndex edge = graph::kNoEdge;
  std::string key;  // stable content key: hash of document uri, span, rule, relation, endpoints
  store::EvidenceRecord record;
};
// Each edge's evidence within the filter's date range and basis, edge by edge.
void for_each_evidence(const ExportContext& context,
                       const std::function<void(const EvidenceItem&)>& visit);

// ---- evidence per edge (GEXF, GraphML, JSON, CSV) ---------------------------------------

// The edge's evidence rows that pass the view's filter (date range, basis), in stored order;
// empty without a store or with provenance off. The one source of evidence for every format.
std::vector<store::EvidenceRecord> edge_evidence_rows(const ExportContext& context,
                                                      graph::EdgeIndex e);

struct EdgeEvidence {
  std::size_t count = 0;                     // rows passing the filter
  std::vector<store::EvidenceRecord> shown;  // the first ExportOptions::evidence_per_edge
  std::set<std::int64_t> cited;              // documents shown so far, over all edges
};
// True when the four graph formats write per-edge evidence: a store, provenance on, and
// ExportOptions::evidence_per_edge > 0.
bool carries_edge_evidence(const ExportContext& context);
// The edge's count and its first sentences, ordered by document date (undated last), then
// document, then position in it.
void load_edge_evidence(const ExportContext& context, graph::EdgeIndex e, EdgeEvidence& out);
// Adds the shown sentences to summary.evidence and their distinct documents to
// summary.documents (call once per edge, after writing it).
void count_shown(EdgeEvidence& evidence, ExportSummary& summary);

// The shown evidence as parallel lists, one per field, in this order and under these names
// in every graph format (dates YYYY-MM-DD, empty when the document has none).
enum class EvidenceField { kSentence, kUri, kTitle, kDate };
struct EvidenceList {
  const char* name;
  EvidenceField field;
};
inline constexpr EvidenceList kEvidenceLists[] = {{"evidence_sentences", EvidenceField::kSentence},
                                                  {"evidence_uris", EvidenceField::kUri},
                                                  {"evidence_titles", EvidenceField::kTitle},
                                                  {"evidence_dates", EvidenceField::kDate}};
std::vector<std::string> evidence_list(const EdgeEvidence& evidence, EvidenceField field);

// Store ids of the documents the mentions and evidence above refer to.
std::set<std::int64_t> referenced_documents(const ExportContext& context);
// Those documents, in id order.
void for_each_referenced_document(const ExportContext& context, const std::set<std::int64_t>& ids,
                                  const std::function<void(const store::DocumentRecord&)>& visit);

}  // namespace skein::exporters
