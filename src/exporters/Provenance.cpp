// Provenance rows read from the store: documents, mentions and evidence for the neo4j and
// cypher exports, and each edge's first sentences for GEXF, GraphML, JSON and CSV. Evidence and
// mentions are fetched per edge / per node (prepared statements in the store), so nothing is
// held for the whole graph except the set of referenced document ids. Every evidence row any
// export writes comes through edge_evidence_rows(), the one place the filter is applied.

#include <algorithm>
#include <map>

#include "core/Sha256.h"
#include "exporters/Escape.h"
#include "exporters/Writers.h"
#include "graph/EvidenceFilter.h"
#include "graph/GraphView.h"

namespace skein::exporters {
namespace {

// The filter's evidence part (none without a filter), applied by the store itself.
store::EvidenceFilter evidence_filter_of(const ExportContext& context) {
  return context.filter() == nullptr ? store::EvidenceFilter{}
                                     : graph::evidence_filter(*context.filter());
}

}  // namespace

void for_each_mention_link(const ExportContext& context,
                           const std::function<void(const MentionLink&)>& visit) {
  if (context.store() == nullptr || !context.options().provenance) return;
  const auto& view = context.view();
  for (graph::NodeIndex u = 0; u < view.node_count(); ++u) {
    std::map<std::int64_t, MentionLink> links;
    for (const auto& mention : context.store()->mentions(view.node(u).id)) {
      auto& link = links[mention.document_id];
      link.node = u;
      link.document_id = mention.document_id;
      link.document_uri = valid_utf8(mention.document_uri);
      ++link.count;
    }
    for (const auto& [id, link] : links) visit(link);
  }
}

// The edge's evidence rows that pass the view's filter, strings repaired to valid UTF-8.
std::vector<store::EvidenceRecord> edge_evidence_rows(const ExportContext& context,
                                                      graph::EdgeIndex e) {
  std::vector<store::EvidenceRecord> rows;
  if (context.store() == nullptr || !context.options().provenance) return rows;
  context.progress("relations", e, context.view().edge_count());
  for (auto& record :
       context.store()->evidence(context.view().edge(e).id, 0, evidence_filter_of(context))) {
    record.document_uri = valid_utf8(record.document_uri);
    record.document_title = valid_utf8(record.document_title);
    record.sentence = valid_utf8(record.sentence);
    record.rule = valid_utf8(record.rule);
    rows.push_back(std::move(record));
  }
  return rows;
}

void for_each_evidence(const ExportContext& context,
                       const std::function<void(const EvidenceItem&)>& visit) {
  if (context.store() == nullptr || !context.options().provenance) return;
  const auto& view = context.view();
  EvidenceItem item;
  for (graph::EdgeIndex e = 0; e < view.edge_count(); ++e) {
    const auto& edge = view.edge(e);
    std::string endpoints;  // computed once per edge, only if it has evidence
    for (auto& record : edge_evidence_rows(context, e)) {
      if (endpoints.empty()) {
        endpoints =
            edge.type + "\n" + context.node_key(edge.source) + "\n" + context.node_key(edge.target);
      }
      item.edge = e;
      // Content-derived, so re-exporting a rebuilt store MERGEs onto the same Evidence nodes.
      item.key = "ev:" + sha256_hex(record.document_uri + "\n" + decimal(record.start) + "\n" +
                                    decimal(record.end) + "\n" + record.rule + "\n" + endpoints)
                             .substr(0, 32);
      item.record = std::move(record);
      visit(item);
    }
  }
}

bool carries_edge_evidence(const ExportContext& context) {
  return context.store() != nullptr && context.options().provenance &&
         context.options().evidence_per_edge > 0;
}

void load_edge_evidence(const ExportContext& context, graph::EdgeIndex e, EdgeEvidence& out) {
  out.shown = edge_evidence_rows(context, e);
  out.count = out.shown.size();
  // Oldest first; undated documents after dated ones; then document and position in it.
  auto order = [](const store::EvidenceRecord& a, const store::EvidenceRecord& b) {
    if (a.published.empty() != b.published.empty()) return b.published.empty();
    if (a.published != b.published) return a.published < b.published;
    if (a.document_id != b.document_id) return a.document_id < b.document_id;
    if (a.start != b.start) return a.start < b.start;
    return a.id < b.id;
  };
  const std::size_t cap = std::min(out.shown.size(), context.options().evidence_per_edge);
  std::partial_sort(out.shown.begin(), out.shown.begin() + static_cast<std::ptrdiff_t>(cap),
                    out.shown.end(), order);
  out.shown.resize(cap);
}

void count_shown(EdgeEvidence& evidence, ExportSummary& summary) {
  summary.evidence += evidence.shown.size();
  for (const auto& record : evidence.shown) evidence.cited.insert(record.document_id);
  summary.documents = evidence.cited.size();
}

std::vector<std::string> evidence_list(const EdgeEvidence& evidence, EvidenceField field) {
  std::vector<std::string> list;
  list.reserve(evidence.shown.size());
  for (const auto& record : evidence.shown) {
    switch (field) {
      case EvidenceField::kSentence:
        list.push_back(record.sentence);
        break;
      case EvidenceField::kUri:
        list.push_back(record.document_uri);
        break;
      case EvidenceField::kTitle:
        list.push_back(record.document_title);
        break;
      case EvidenceField::kDate:
        list.push_back(date_text(date_number(record.published)));
        break;
    }
  }
  return list;
}

std::set<std::int64_t> referenced_documents(const ExportContext& context) {
  std::set<std::int64_t> ids;
  for_each_mention_link(context, [&](const MentionLink& link) { ids.insert(link.document_id); });
  for_each_evidence(context,
                    [&](const EvidenceItem& item) { ids.insert(item.record.document_id); });
  return ids;
}

void for_each_referenced_document(const ExportContext& context, const std::set<std::int64_t>& ids,
                                  const std::function<void(const store::DocumentRecord&)>& visit) {
  if (context.store() == nullptr || ids.empty()) return;
  context.store()->for_each_document([&](const store::DocumentRecord& record) {
    if (ids.count(record.id) == 0) return;
    store::DocumentRecord copy = record;
    copy.uri = valid_utf8(copy.uri);
    copy.doc_id = valid_utf8(copy.doc_id);
    copy.title = valid_utf8(copy.title);
    visit(copy);
  });
}

}  // namespace skein::exporters
