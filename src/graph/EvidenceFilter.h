#pragma once
// The evidence part of a GraphFilter (dates, basis) as the store's EvidenceFilter: the one
// mapping from the graph's filter to the store's, used by GraphView::from_store (weights and
// confidences), render (tooltips), show, path and the exports (provenance), so all of them
// select the same evidence.
//
// Thread-safety: a pure function.

#include "graph/GraphView.h"
#include "store/Store.h"

namespace skein::graph {

inline store::EvidenceFilter evidence_filter(const GraphFilter& filter) {
  store::EvidenceFilter evidence;
  evidence.from_date = filter.from_date;
  evidence.to_date = filter.to_date;
  evidence.text_only = filter.text_only;
  return evidence;
}

}  // namespace skein::graph
