#include "pipeline/IngestJob.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "extract/Extractor.h"
#include "ingest/DocumentSource.h"
#include "store/Store.h"

namespace skein::pipeline {
namespace {

std::size_t count_words(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Documents travel to the workers in chunks, numbered in input order: handing them over one
// at a time cost more in locking and wake-ups than extracting a short document.
constexpr std::size_t kChunkDocuments = 32;
constexpr std::size_t kChunkBytes = 256u << 10;
constexpr int kWorkerNiceness = 5;

struct Job {
  std::size_t sequence = 0;
  std::vector<Document> documents;
};
struct Result {
  std::optional<DocumentExtraction> extraction;
  std::string error;  // set when extraction threw
  std::string uri;
};
using ChunkResult = std::vector<Result>;

// Hands documents to worker threads and gives results back in input order.
class WorkerPool {
 public:
  WorkerPool(const extract::Extractor& extractor, unsigned jobs) : extractor_(extractor) {
    for (unsigned i = 0; i < jobs; ++i) threads_.emplace_back([this] { work(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& thread : threads_) thread.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void submit(Job job) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(job));
    }
    work_ready_.notify_one();
  }

  // Blocks until the results of the chunk with this sequence number are ready.
  ChunkResult take(std::size_t sequence) {
    std::unique_lock lock(mutex_);
    result_ready_.wait(lock, [&] { return results_.count(sequence) > 0; });
    ChunkResult result = std::move(results_[sequence]);
    results_.erase(sequence);
    return result;
  }

 private:
  void work() {
    // The one writer bounds throughput, and with as many workers as cores it shares a core
    // with one of them; a lower priority for the workers (Linux nice is per thread) lets it run
    // when it has something to write (measured: --jobs 2 on 2 cores ~5% faster). Raising one's
    // own niceness is always allowed; if it fails, nothing else changes.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kWorkerNiceness);
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      ChunkResult chunk(job.documents.size());
      for (std::size_t i = 0; i < job.documents.size(); ++i) {
        Result& result = chunk[i];
        result.uri = job.documents[i].uri;
        try {
          ingest::mark_debris(job.documents[i]);
          result.extraction = extractor_.extract(job.documents[i]);
        } catch (const std::exception& error) {
          result.error = error.what();
        }
      }
      {
        std::lock_guard lock(mutex_);
        results_[job.sequence] = std::move(chunk);
      }
      result_ready_.notify_all();
    }
  }

  const extract::Extractor& extractor_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable result_ready_;
  std::deque<Job> queue_;
  std::map<std::size_t, ChunkResult> results_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// Owns the open transaction and decides when to commit it.
class BatchWriter {
 public:
  BatchWriter(store::Store& store, const IngestOptions& options)
      : store_(store), options_(options) {}

  store::PutOutcome put(const DocumentExtraction& extraction) {
    open();
    auto outcome = store_.put(extraction);
    count_write(extraction.document.text.size());
    return outcome;
  }

  // Records the new stamp of a file that was touched but not changed, in the open batch (a
  // stamp counts as a document towards batch_documents, so a run of many touched files still
  // commits in bounded transactions).
  void set_file_stamp(const std::string& uri, const FileStamp& stamp) {
    open();
    store_.set_file_stamp(uri, stamp);
    count_write(0);
  }

  void commit() {
    if (batch_) {
      batch_->commit();
      batch_.reset();
    }
    documents_ = 0;
    bytes_ = 0;
  }

 private:
  // Ingest stops at its first store failure anyway, so its batches take no savepoint per
  // document (Store::Batch::OnFailure::kAbandonBatch).
  void open() {
    if (!batch_) batch_.emplace(store_, store::Store::Batch::OnFailure::kAbandonBatch);
  }
  void count_write(std::size_t text_bytes) {
    ++documents_;
    bytes_ += text_bytes;
    if (documents_ >= options_.batch_documents || bytes_ >= options_.batch_bytes) commit();
  }

  store::Store& store_;
  const IngestOptions& options_;
  std::optional<store::Store::Batch> batch_;
  std::size_t documents_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace

void declare_relation_types(const extract::Extractor& extractor, store::Store& store) {
  auto known = store.relation_types();
  for (const auto& info : extractor.relation_types()) {
    bool agrees = false;
    for (const auto& [type, symmetric] : known) {
      if (type == info.type) agrees = symmetric == info.symmetric;
    }
    if (!agrees) store.set_relation_symmetry(info.type, info.symmetric);
  }
}

std::string relation_label_problem(const extract::Extractor& extractor,
                                   const DocumentExtraction& extraction) {
  const auto types = extractor.relation_types();
  const auto label_of = [&](const std::string& id) -> std::string {
    for (const Entity& entity : extraction.entities) {
      if (entity.id == id) return entity.label;
    }
    return {};
  };
  const auto allows = [](const std::vector<std::string>& allowed, const std::string& label) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const std::string& spec) {
      return spec.substr(0, spec.find('.')) == label;  // "Place.city": the label part
    });
  };
  const auto list = [](const std::vector<std::string>& allowed) {
    std::string text;
    for (const std::string& spec : allowed) {
      const std::string label = spec.substr(0, spec.find('.'));
      if (text.find(label) == std::string::npos) text += (text.empty() ? "" : ", ") + label;
    }
    return text;
  };
  for (std::size_t i = 0; i < extraction.relations.size(); ++i) {
    const Relation& relation = extraction.relations[i];
    const auto type = std::find_if(
        types.begin(), types.end(),
        [&](const extract::RelationTypeInfo& info) { return info.type == relation.type; });
    if (type == types.end()) continue;
    const std::string source = label_of(relation.source);
    const std::string target = label_of(relation.target);
    // A symmetric type may list its ends in either order.
    const bool fits =
        (allows(type->source_labels, source) && allows(type->target_labels, target)) ||
        (type->symmetric && allows(type->source_labels, target) &&
         allows(type->target_labels, source));
    if (!fits) {
      return "relations[" + std::to_string(i) + "]: " + relation.type + " cannot link a " + source +
             " to a " + target + " (the ontology allows " + list(type->source_labels) + " to " +
             list(type->target_labels) + ")";
    }
  }
  return {};
}

std::function<bool(const std::string& uri, const FileStamp& stamp)> skip_unchanged_files(
    store::Store& store, const IngestOptions& options) {
  if (options.rehash) return {};
  return [&store](const std::string& uri, const FileStamp& stamp) {
    return store.has_file_stamp(uri, stamp);
  };
}

IngestCounts run_ingest(ingest::DocumentSource& source, const ExtractorFactory& make_extractor,
                        store::Store& store, const IngestOptions& options,
                        const DiagnosticCallback& on_diagnostic,
                        const ProgressCallback& on_progress) {
  IngestCounts counts;
  std::unique_ptr<extract::Extractor> extractor_holder;
  auto extractor = [&]() -> const extract::Extractor& {
    if (!extractor_holder) {
      extractor_holder = make_extractor();
      declare_relation_types(*extractor_holder, store);
    }
    return *extractor_holder;
  };
  BatchWriter writer(store, options);
  Diagnostics diagnostics;
  auto report_new_diagnostics = [&] {
    for (const auto& diagnostic : diagnostics) {
      ++counts.failed;
      if (on_diagnostic) on_diagnostic(diagnostic);
    }
    diagnostics.clear();
  };
  auto store_result = [&](const std::string& uri, DocumentExtraction& extraction) {
    // Without sentences the store links no co-mentions (Store.h).
    if (!options.co_mention) extraction.sentences.clear();
    try {
      switch (writer.put(extraction)) {
        case store::PutOutcome::kAdded:
          ++counts.added;
          break;
        case store::PutOutcome::kReplaced:
          ++counts.replaced;
          break;
        case store::PutOutcome::kUnchanged:
          ++counts.unchanged;
          break;
      }
      counts.words += count_words(extraction.document.text);
      counts.bytes += extraction.document.text.size();
    } catch (const StoreError&) {
      throw;  // the store itself failed: abort the command, the open batch rolls back
    } catch (const Error& error) {
      diagnostics.push_back(Diagnostic{uri, 0, error.what()});
    }
    report_new_diagnostics();
    if (on_progress) on_progress(counts);
  };
  // Counts the files the source skipped unread since the last call (after every next()).
  std::size_t skipped_seen = source.skipped_unchanged();
  auto count_skipped = [&] {
    const std::size_t skipped = source.skipped_unchanged();
    if (skipped == skipped_seen) return;
    counts.read += skipped - skipped_seen;
    counts.unchanged += skipped - skipped_seen;
    skipped_seen = skipped;
    if (on_progress) on_progress(counts);
  };
  // Counts a document just read; true when it is stored already as it is (nothing to do).
  auto already_stored = [&](const Document& document) {
    ++counts.read;
    if (!store.contains(document.uri, document.sha256)) return false;
    // Same text under a new stamp (touched, restored from a backup, or first read with this
    // skein): record the stamp so the next run skips the file unread.
    if (document.file_stamp && !store.has_file_stamp(document.uri, *document.file_stamp)) {
      writer.set_file_stamp(document.uri, *document.file_stamp);
    }
    ++counts.unchanged;
    if (on_progress) on_progress(counts);
    return true;
  };

  const unsigned jobs = options.jobs == 0 ? 1 : options.jobs;
  if (jobs == 1) {
    while (auto document = source.next(diagnostics)) {
      count_skipped();
      report_new_diagnostics();
      if (already_stored(*document)) continue;
      DocumentExtraction extraction;
      try {
        ingest::mark_debris(*document);
        extraction = extractor().extract(*document);
      } catch (const std::exception& error) {
        diagnostics.push_back(Diagnostic{document->uri, 0, error.what()});
        report_new_diagnostics();
        continue;
      }
      store_result(document->uri, extraction);
    }
    count_skipped();
    report_new_diagnostics();
    writer.commit();
    return counts;
  }

  // Parallel: this thread reads and writes; workers extract. At most `window` chunks are in
  // flight, which bounds memory whatever the corpus size.
  const std::size_t window = static_cast<std::size_t>(jobs) * 4;
  std::optional<WorkerPool> pool;  // started with the first document that needs extracting
  std::size_t submitted = 0;
  std::size_t written = 0;
  bool inputs_done = false;
  Job pending;
  std::size_t pending_bytes = 0;
  auto submit_pending = [&] {
    if (pending.documents.empty()) return;
    if (!pool) pool.emplace(extractor(), jobs);
    pending.sequence = submitted++;
    pool->submit(std::move(pending));
    pending = Job{};
    pending_bytes = 0;
  };
  auto write_next = [&] {
    for (Result& result : pool->take(written++)) {
      if (!result.extraction) {
        diagnostics.push_back(Diagnostic{result.uri, 0, result.error});
        report_new_diagnostics();
        continue;
      }
      store_result(result.uri, *result.extraction);
    }
  };
  while (!inputs_done || written < submitted) {
    if (!inputs_done && submitted - written < window) {
      auto document = source.next(diagnostics);
      count_skipped();
      report_new_diagnostics();
      if (!document) {
        inputs_done = true;
        submit_pending();
        continue;
      }
      if (already_stored(*document)) continue;
      pending_bytes += document->text.size();
      pending.documents.push_back(std::move(*document));
      if (pending.documents.size() >= kChunkDocuments || pending_bytes >= kChunkBytes) {
        submit_pending();
      }
      continue;
    }
    write_next();
  }
  writer.commit();
  return counts;
}

}  // namespace skein::pipeline
