// bench_co_mention: what the co-mention layer (entities named in the same sentence, written by
// Store::put) costs at ingest, against ingest without it, measured in the same run.
//
// usage: bench_co_mention [--rounds N] [--jobs J] [CORPUS_DIR]   (default: the BBC corpus)
//
//  1. End to end: pipeline::run_ingest (what `skein ingest` runs) over the corpus into a fresh
//     store file, with IngestOptions::co_mention on and off, the two alternating, best of N
//     rounds each. The cost is (with - without) / without.
//  2. Where it goes: the corpus extracted once into memory, then Store::put of every
//     extraction (batches of 500, as ingest) into a fresh store, with and without sentences;
//     best of N. The difference is the co-mention writes alone.
//  3. What it stores and reads: pairs, sentence rows, the store file's growth, and the time to
//     read the whole layer and one busy entity's links (the layer is derived on read).
// Target: the layer costs <= 10% of ingest time.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "extract/Extractor.h"
#include "ingest/DocumentSource.h"
#include "pipeline/IngestJob.h"
#include "store/Store.h"

using namespace skein;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void remove_store(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

std::uintmax_t store_bytes(const fs::path& path) {
  std::uintmax_t total = 0;
  for (const char* suffix : {"", "-wal"}) {
    const fs::path file = path.string() + suffix;
    if (fs::exists(file)) total += fs::file_size(file);
  }
  return total;
}

struct Rows {
  std::int64_t pairs = 0;
  std::int64_t sentences = 0;
};

Rows layer_rows(const store::Store& store) {
  Rows rows;
  store.for_each_co_mention({}, [&](const store::EdgeRecord& link) {
    ++rows.pairs;
    rows.sentences += static_cast<std::int64_t>(link.weight);
  });
  return rows;
}

// One `skein ingest` of the corpus into a fresh store at `path`; returns seconds.
double ingest_once(const std::string& corpus, const fs::path& path, bool co_mention,
                   unsigned jobs) {
  remove_store(path);
  const auto start = Clock::now();
  store::Store store(path.string());
  pipeline::IngestOptions options;
  options.jobs = jobs;
  options.co_mention = co_mention;
  ingest::ReadOptions read;
  read.mark_debris = false;
  ingest::DocumentSource source({corpus}, read);
  pipeline::run_ingest(
      source, [] { return std::make_unique<extract::Extractor>(); }, store, options,
      [](const Diagnostic&) {});
  return seconds_since(start);
}

// Store::put of every extraction, in batches of 500, into a fresh store; returns seconds.
double put_all(const std::vector<DocumentExtraction>& extractions, const fs::path& path) {
  remove_store(path);
  store::Store store(path.string());
  const auto start = Clock::now();
  std::size_t in_batch = 0;
  auto batch =
      std::make_unique<store::Store::Batch>(store, store::Store::Batch::OnFailure::kAbandonBatch);
  for (const auto& extraction : extractions) {
    store.put(extraction);
    if (++in_batch == 500) {
      batch->commit();
      batch = std::make_unique<store::Store::Batch>(store,
                                                    store::Store::Batch::OnFailure::kAbandonBatch);
      in_batch = 0;
    }
  }
  batch->commit();
  return seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = SKEIN_BENCH_CORPUS;
  int rounds = 3;
  unsigned jobs = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--jobs" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (!arg.empty() && arg[0] != '-') {
      corpus = arg;
    } else {
      std::fprintf(stderr, "usage: bench_co_mention [--rounds N] [--jobs J] [CORPUS_DIR]\n");
      return 1;
    }
  }
  if (!fs::exists(corpus)) {
    std::fprintf(stderr, "bench_co_mention: %s: no such corpus\n", corpus.c_str());
    return 1;
  }
  std::ifstream loadavg("/proc/loadavg");
  std::string load;
  std::getline(loadavg, load);
  std::printf("corpus: %s\nload average at start: %s\n", corpus.c_str(), load.c_str());
  const fs::path work =
      fs::temp_directory_path() / ("skein-bench-co-mention-" + std::to_string(getpid()));
  fs::create_directories(work);
  const fs::path with_path = work / "with.db", without_path = work / "without.db";

  // 1. End to end, alternating so load drifts hit both sides alike.
  double with = 1e300, without = 1e300;
  for (int round = 0; round < rounds; ++round) {
    without = std::min(without, ingest_once(corpus, without_path, false, jobs));
    with = std::min(with, ingest_once(corpus, with_path, true, jobs));
  }
  // The layer is read, not stored: what one whole read costs (rank/export --co-mention, the
  // path fallback) and one entity's links (show, neighbors).
  Rows rows;
  double read_all = 0, read_one = 0;
  std::size_t busiest_links = 0;
  {
    const store::Store store(with_path.string());
    auto start = Clock::now();
    rows = layer_rows(store);
    read_all = seconds_since(start);
    std::int64_t busiest = 0, most = -1;
    store.for_each_node({}, [&](const store::NodeRecord& node) {
      if (node.mention_count > most) {
        most = node.mention_count;
        busiest = node.id;
      }
    });
    start = Clock::now();
    busiest_links = store.co_mentions_of(busiest).size();
    read_one = seconds_since(start);
  }
  const auto bytes_with = store_bytes(with_path), bytes_without = store_bytes(without_path);
  const double cost = (with - without) / without;
  std::printf("\n1. skein ingest (run_ingest, --jobs %u), best of %d, alternating\n", jobs, rounds);
  std::printf("  without co-mention: %.3f s\n  with co-mention:    %.3f s\n", without, with);
  std::printf("  co-mention costs %.1f%% of ingest time (target <= 10%%): %s\n", 100 * cost,
              cost <= 0.10 ? "PASS" : "FAIL");

  // 2. The writes alone, on extractions made once.
  std::vector<DocumentExtraction> extractions;
  {
    const extract::Extractor extractor;
    ingest::DocumentSource source({corpus});
    Diagnostics ignored;
    while (auto document = source.next(ignored)) {
      extractions.push_back(extractor.extract(*document));
    }
  }
  std::vector<DocumentExtraction> bare = extractions;
  for (auto& extraction : bare) extraction.sentences.clear();
  double put_with = 1e300, put_without = 1e300;
  for (int round = 0; round < rounds; ++round) {
    put_without = std::min(put_without, put_all(bare, without_path));
    put_with = std::min(put_with, put_all(extractions, with_path));
  }
  std::printf("\n2. Store::put of %zu extracted documents, best of %d\n", extractions.size(),
              rounds);
  std::printf("  without sentences: %.3f s\n  with sentences:    %.3f s\n", put_without, put_with);
  std::printf("  co-mention writes: %.3f s = %.1f%% of the end-to-end ingest without them\n",
              put_with - put_without, 100 * (put_with - put_without) / without);

  std::printf(
      "\n3. the layer: %lld pairs, %lld sentence rows (%.1f per document); store %.1f MB "
      "with, %.1f MB without (+%.1f%%)\n",
      static_cast<long long>(rows.pairs), static_cast<long long>(rows.sentences),
      static_cast<double>(rows.sentences) / static_cast<double>(extractions.size()),
      static_cast<double>(bytes_with) / 1048576.0, static_cast<double>(bytes_without) / 1048576.0,
      100.0 * (static_cast<double>(bytes_with) - static_cast<double>(bytes_without)) /
          static_cast<double>(bytes_without));
  std::printf("   read: the whole layer %.3f s; the most mentioned entity's %zu links %.3f s\n",
              read_all, busiest_links, read_one);
  std::error_code ignored;
  fs::remove_all(work, ignored);
  return 0;
}
