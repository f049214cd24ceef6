// bench_extract_speed: how fast Extractor::extract runs on real news, and how that compares
// with a named peer (compromise, a JavaScript NLP library) on the same texts in the same run.
//
//   bench_extract_speed [--passes N] [--peer-passes N] [--no-peer] [CORPUS_DIR]
//   bench_extract_speed --startup-only N [--no-peer]
//
// Figures: Extractor start-up (construction: loading data/ and schema/), single-thread
// words/s and MB/s (median of N passes), the same with 2 threads sharing one Extractor, and
// peak RSS. Words are whitespace-separated tokens; both sides are timed on texts already in
// memory. Targets shown: >= 1,000,000 words/s on one core, peak RSS <= 300 MB.
// --startup-only N measures start-up alone: N rounds, each constructing (and destroying) an
// Extractor and then importing compromise in a fresh node process, so both sides of a round
// see the same load; it prints every round and the medians (target: <= 300 ms).

#include <rapidjson/document.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/Utf8.h"
#include "extract/Extractor.h"
#include "ingest/DocumentSource.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr double kWordsPerSecondTarget = 1'000'000;
constexpr double kPeakRssTargetMb = 300;

struct Corpus {
  std::vector<skein::Document> documents;
  std::vector<std::string> paths;
  std::size_t words = 0;
  std::size_t bytes = 0;
  std::size_t skipped = 0;
};

std::size_t count_words(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

Corpus read_corpus(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  Corpus corpus;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    if (!in || !skein::utf8::is_valid(text) || text.empty()) {
      ++corpus.skipped;
      continue;
    }
    skein::Document document;
    document.uri = path.string();
    document.title = text.substr(0, text.find('\n'));
    document.text = std::move(text);
    skein::ingest::mark_debris(document);  // as ingest hands documents over
    corpus.words += count_words(document.text);
    corpus.bytes += document.text.size();
    corpus.paths.push_back(path.string());
    corpus.documents.push_back(std::move(document));
  }
  return corpus;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// One pass over the corpus with `threads` workers pulling documents from a shared counter.
// Returns seconds; `found` receives the number of entities (so the work cannot be elided).
double timed_pass(const skein::extract::Extractor& extractor, const Corpus& corpus,
                  unsigned threads, std::size_t& found) {
  std::atomic<std::size_t> next{0}, entities{0};
  auto worker = [&] {
    std::size_t local = 0;
    for (std::size_t i = next++; i < corpus.documents.size(); i = next++) {
      local += extractor.extract(corpus.documents[i]).entities.size();
    }
    entities += local;
  };
  const auto started = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  found = entities;
  return std::chrono::duration<double>(Clock::now() - started).count();
}

// User plus system CPU time of this process (all its threads) so far, in milliseconds.
double cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
  };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

struct PeerResult {
  bool ran = false;
  std::string version;
  double median_seconds = 0;
  double startup_ms = 0;
  double rss_mb = 0;
  std::size_t mentions = 0;
  std::string why_not;
};

// Runs compromise.mjs over the files of `corpus`; with `passes` 0 it only imports compromise
// (its start-up) and reads no text.
PeerResult run_compromise(const Corpus& corpus, int passes) {
  PeerResult result;
  const std::string bench_dir = SKEIN_BENCH_DIR;
  if (!std::filesystem::exists(bench_dir + "/node_modules/compromise/package.json")) {
    result.why_not = "compromise is not installed: run `npm ci --prefix " + bench_dir + "`";
    return result;
  }
  const auto list = std::filesystem::temp_directory_path() /
                    ("skein_bench_paths_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(list);
    if (passes > 0) {
      for (const auto& path : corpus.paths) out << path << "\n";
    }
  }
  const std::string command =
      "node '" + bench_dir + "/compromise.mjs' '" + list.string() + "' " + std::to_string(passes);
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    if (::pclose(pipe) != 0) result.why_not = "node exited with an error";
  } else {
    result.why_not = "cannot start node";
  }
  std::filesystem::remove(list);
  if (!result.why_not.empty()) return result;
  rapidjson::Document json;
  json.Parse(output.c_str());
  if (json.HasParseError() || !json.IsObject() || !json.HasMember("median_seconds")) {
    result.why_not = "unexpected output from compromise.mjs: " + output;
    return result;
  }
  result.ran = true;
  result.version = json["version"].GetString();
  result.median_seconds =
      json["median_seconds"].IsNumber() ? json["median_seconds"].GetDouble() : 0;
  result.startup_ms = json["startup_ms"].GetDouble();
  result.rss_mb = json["peak_rss_mb"].GetDouble();
  result.mentions = json["mentions"].GetUint64();
  return result;
}

void target_line(const char* what, bool pass, const std::string& detail) {
  std::printf("%s  %-28s %s\n", pass ? "PASS" : "FAIL", what, detail.c_str());
}

constexpr double kStartupTargetMs = 300;

void print_load() {
  // Timings mean little on a busy machine: say how busy it was.
  double load[1] = {0};
  if (::getloadavg(load, 1) == 1) {
    std::printf("Load average at start: %.2f on %u hardware threads\n", load[0],
                std::thread::hardware_concurrency());
  }
}

// --startup-only: `rounds` constructions of the Extractor, each followed by one import of
// compromise in a fresh node process (unless `peer` is false).
int measure_startup(int rounds, bool peer) {
  print_load();
  std::vector<double> skein_ms, skein_cpu_ms, peer_ms;
  std::string peer_version, why_not;
  for (int round = 1; round <= rounds; ++round) {
    const double cpu_before = cpu_ms();
    const auto started = Clock::now();
    auto extractor = std::make_unique<const skein::extract::Extractor>();
    skein_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    skein_cpu_ms.push_back(cpu_ms() - cpu_before);
    extractor.reset();  // construction alone is start-up, not the destruction
    std::printf("round %2d  Skein %8.1f ms (CPU %6.1f ms)", round, skein_ms.back(),
                skein_cpu_ms.back());
    if (peer && why_not.empty()) {
      const PeerResult compromise = run_compromise(Corpus{}, 0);
      if (compromise.ran) {
        peer_ms.push_back(compromise.startup_ms);
        peer_version = compromise.version;
        std::printf("   compromise %8.1f ms", compromise.startup_ms);
      } else {
        why_not = compromise.why_not;
      }
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  const double skein_median = median(skein_ms);
  std::printf("\nSkein Extractor start-up, median of %d: %.1f ms (min %.1f), CPU %.1f ms\n", rounds,
              skein_median, *std::min_element(skein_ms.begin(), skein_ms.end()),
              median(skein_cpu_ms));
  if (!peer_ms.empty()) {
    std::printf("compromise %s start-up (import), median of %zu: %.1f ms (min %.1f)\n",
                peer_version.c_str(), peer_ms.size(), median(peer_ms),
                *std::min_element(peer_ms.begin(), peer_ms.end()));
  } else if (peer) {
    std::printf("compromise: not run (%s)\n", why_not.c_str());
  }
  std::printf("peak RSS: %.0f MB\n\n", peak_rss_mb());
  char detail[128];
  std::snprintf(detail, sizeof detail, "%.1f ms median (target <= %.0f)", skein_median,
                kStartupTargetMs);
  target_line("start-up", skein_median <= kStartupTargetMs, detail);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int passes = 5;
  int peer_passes = 1;  // compromise needs minutes per pass over the corpus
  bool peer = true;
  int startup_rounds = 0;  // --startup-only N
  std::string corpus_dir = SKEIN_SHARED_DIR "/corpus/bbc";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--passes" && i + 1 < argc)
      passes = std::max(1, std::stoi(argv[++i]));
    else if (arg == "--peer-passes" && i + 1 < argc)
      peer_passes = std::max(1, std::stoi(argv[++i]));
    else if (arg == "--startup-only" && i + 1 < argc)
      startup_rounds = std::max(1, std::stoi(argv[++i]));
    else if (arg == "--no-peer")
      peer = false;
    else
      corpus_dir = arg;
  }

  try {
    if (startup_rounds > 0) return measure_startup(startup_rounds, peer);
    const Corpus corpus = read_corpus(corpus_dir);
    if (corpus.documents.empty()) {
      std::cerr << "bench_extract_speed: no .txt files under " << corpus_dir << "\n";
      return 2;
    }
    const double mb = static_cast<double>(corpus.bytes) / 1e6;
    print_load();
    std::printf(
        "Corpus: %s\n  %zu documents, %zu words, %.2f MB (%zu skipped: unreadable or invalid "
        "UTF-8)\n\n",
        corpus_dir.c_str(), corpus.documents.size(), corpus.words, mb, corpus.skipped);

    const auto started = Clock::now();
    const skein::extract::Extractor extractor;
    const double startup_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    const double rss_after_startup = peak_rss_mb();

    std::size_t entities = 0;
    timed_pass(extractor, corpus, 1, entities);  // warm-up: page in data, fill caches
    std::vector<double> single, dual;
    for (int p = 0; p < passes; ++p) single.push_back(timed_pass(extractor, corpus, 1, entities));
    for (int p = 0; p < passes; ++p) dual.push_back(timed_pass(extractor, corpus, 2, entities));
    const double t1 = median(single), t2 = median(dual);
    const double words = static_cast<double>(corpus.words);
    const double rss = peak_rss_mb();

    std::printf("Skein Extractor\n");
    std::printf("  start-up (construction)     %10.1f ms   (peak RSS after: %.0f MB)\n", startup_ms,
                rss_after_startup);
    std::printf("  1 thread, median of %d       %10.3f s    %12.0f words/s  %7.2f MB/s\n", passes,
                t1, words / t1, mb / t1);
    std::printf("  2 threads, median of %d      %10.3f s    %12.0f words/s  %7.2f MB/s  (x%.2f)\n",
                passes, t2, words / t2, mb / t2, t1 / t2);
    std::printf("  entities per pass           %10zu\n", entities);
    std::printf("  peak RSS                    %10.0f MB\n\n", rss);

    // One more single-thread pass timing each component (the clock reads cost a little, so
    // this pass is not the throughput figure above).
    std::vector<double> seconds;
    for (const auto& document : corpus.documents) extractor.extract(document, seconds);
    const std::vector<std::string> names = extractor.component_names();
    double total = 0;
    for (const double s : seconds) total += s;
    std::printf("Share of the time per component (one timed pass, %.3f s):\n", total);
    for (std::size_t i = 0; i < seconds.size(); ++i) {
      const std::string name = i < names.size() ? names[i] : std::string("(output)");
      std::printf("  %-22s %8.3f s  %5.1f%%\n", name.c_str(), seconds[i],
                  100.0 * seconds[i] / std::max(total, 1e-12));
    }
    std::printf("\n");

    if (peer) {
      const PeerResult compromise = run_compromise(corpus, peer_passes);
      if (compromise.ran) {
        const double peer_wps = words / compromise.median_seconds;
        std::printf("compromise %s\n", compromise.version.c_str());
        std::printf("  start-up (import)           %10.1f ms\n", compromise.startup_ms);
        std::printf("  1 thread, median of %d       %10.3f s    %12.0f words/s  %7.2f MB/s\n",
                    peer_passes, compromise.median_seconds, peer_wps,
                    mb / compromise.median_seconds);
        std::printf("  people+places+orgs per pass %10zu\n", compromise.mentions);
        std::printf("  peak RSS                    %10.0f MB\n\n", compromise.rss_mb);
        std::printf("Ratio Skein/compromise, single-thread words/s: %.1fx\n\n",
                    compromise.median_seconds / t1);
      } else {
        std::printf("compromise: not run (%s)\n\n", compromise.why_not.c_str());
      }
    }

    char detail[128];
    std::snprintf(detail, sizeof detail, "%.0f words/s (target >= %.0f)", words / t1,
                  kWordsPerSecondTarget);
    target_line("single-core throughput", words / t1 >= kWordsPerSecondTarget, detail);
    std::snprintf(detail, sizeof detail, "%.0f MB (target <= %.0f)", rss, kPeakRssTargetMb);
    target_line("peak memory", rss <= kPeakRssTargetMb, detail);
  } catch (const std::exception& error) {
    std::cerr << "bench_extract_speed: " << error.what() << "\n";
    return 2;
  }
  return 0;
}
