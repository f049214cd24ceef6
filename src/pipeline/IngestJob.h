#pragma once
// The ingest pipeline: documents from a DocumentSource are extracted (in parallel when
// jobs > 1) and written to the store through one writer, in input order, in batches.
//
// Guarantees
//  - Deterministic: the store ends up identical (same rows, same ids) whatever `jobs` is,
//    because results are written strictly in input order.
//  - Atomic documents: each batch is one transaction; an interrupted run loses at most the
//    uncommitted batch, and never leaves part of a document.
//  - Incremental: a file whose path, size and mtime equal the stamp stored with its document
//    is not even read (the source's filter, built by skip_unchanged_files); a document that is
//    read but whose uri and sha256 are already stored is not extracted again, and its new
//    stamp (a touched file) is recorded so the next run skips it unread. The extractor (whose
//    knowledge files take a moment to load) is only built once a document needs it:
//    re-running over an unchanged corpus costs a stat and an index lookup per file.
//  - Per-document problems become Diagnostics and the run goes on.
//  - Debris is marked (ingest::mark_debris) just before extraction, on the extracting thread,
//    so the source may be opened with ReadOptions::mark_debris = false and unchanged
//    documents cost no debris scan.
//
// Thread-safety: run() is called from one thread; it owns the worker threads it starts and
// joins them before returning (also when it throws).

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/Document.h"
#include "core/Error.h"
#include "core/Extraction.h"

namespace skein::ingest {
class DocumentSource;
}
namespace skein::extract {
class Extractor;
}
namespace skein::store {
class Store;
}

namespace skein::pipeline {

struct IngestOptions {
  unsigned jobs = 1;                    // extraction threads; 1 = extract on the calling thread
  std::size_t batch_documents = 500;    // documents per transaction
  std::size_t batch_bytes = 16u << 20;  // ... or this much text, whichever comes first
  // Never trust file stamps: read and hash every file, even one whose size and mtime match
  // the store (`skein ingest --rehash`). Takes effect through skip_unchanged_files().
  bool rehash = false;
  // Link entities named in the same sentence (the store's co-mention layer). Off: the
  // extractions' sentences are dropped before put(), so no co-mention rows are written.
  bool co_mention = true;
};

struct IngestCounts {
  std::size_t read = 0;       // documents read from the inputs, or skipped unread as unchanged
  std::size_t added = 0;      // stored for the first time
  std::size_t replaced = 0;   // same uri, new text
  std::size_t unchanged = 0;  // already stored as they are (by stamp or by sha256)
  std::size_t failed = 0;     // reported in diagnostics and skipped
  std::size_t words = 0;      // whitespace-separated words extracted
  std::size_t bytes = 0;      // text bytes extracted
};

// Called on the calling thread after each document is accounted for.
using ProgressCallback = std::function<void(const IngestCounts&)>;
// Called on the calling thread for each diagnostic, as soon as it is known.
using DiagnosticCallback = std::function<void(const Diagnostic&)>;

// Tells the store which of the extractor's relation types are symmetric (stored once per
// node pair). Cheap when the store already agrees; call it before writing.
void declare_relation_types(const extract::Extractor& extractor, store::Store& store);

// The first relation of `extraction` whose ends contradict the labels the ontology allows for
// its type (the extractor's relation_types(), from schema/*.rules; a "Place.city" end is
// checked by its label, Place), as "relations[2]: met-with cannot link a Place (...)"; empty
// when every relation agrees. Types the ontology does not declare are not checked.
std::string relation_label_problem(const extract::Extractor& extractor,
                                   const DocumentExtraction& extraction);

// Builds the extractor when the first document needs one (may throw InputError).
using ExtractorFactory = std::function<std::unique_ptr<extract::Extractor>()>;

// The ReadOptions::skip_if_unchanged filter for a source that run_ingest will write into
// `store`: true for a file whose uri, size and mtime the store holds (Store::has_file_stamp).
// Empty when options.rehash. It queries `store`, so the source must be read on the thread
// that uses the store (run_ingest does), and `store` must outlive the source.
std::function<bool(const std::string& uri, const FileStamp& stamp)> skip_unchanged_files(
    store::Store& store, const IngestOptions& options);

// Runs the pipeline. The first time an extractor is built, its relation types are declared
// to the store (declare_relation_types). Files the source skipped as unchanged
// (DocumentSource::skipped_unchanged) are counted as read and unchanged.
IngestCounts run_ingest(ingest::DocumentSource& source, const ExtractorFactory& make_extractor,
                        store::Store& store, const IngestOptions& options,
                        const DiagnosticCallback& on_diagnostic,
                        const ProgressCallback& on_progress = {});

}  // namespace skein::pipeline
