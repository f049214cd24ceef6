// bench_parser_speed: how long the dependency parser takes per sentence, for one or more model
// files in the same run, and each model's time as a ratio of the first's.
//
//   bench_parser_speed [--rounds N] [--conllu FILE] MODEL.skm [MODEL.skm ...]
//
// Parses every sentence of FILE (default: UD English EWT dev under ../shared/dev-data) with its
// gold UPOS, so the figure is the parser's alone (no tagger). The models take turns, one whole
// pass each per round, for N rounds (default 7) after a warm-up pass each; each model's figure
// is its median pass in CPU time (steadier than wall time on a shared machine), and the ratio is
// the median of the per-round ratios against the first model, which is steadier than a ratio of
// separate medians on a shared machine.

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "parse/DependencyParser.h"
#include "parse/Treebank.h"

namespace {

// CPU time of this process: on a shared machine it moves less than wall time.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

struct Corpus {
  std::vector<std::vector<std::string_view>> words, tags;
  std::size_t word_count = 0;
};

// One pass over the corpus; returns the seconds it took.
double parse_all(const skein::parse::DependencyParser& parser, const Corpus& corpus,
                 skein::parse::ParseScratch& scratch, std::size_t& heads_checksum) {
  std::vector<skein::parse::ParsedWord> out;
  const double start = cpu_seconds();
  for (std::size_t i = 0; i < corpus.words.size(); ++i) {
    parser.parse(corpus.words[i], corpus.tags[i], scratch, out);
    for (const auto& w : out) heads_checksum += static_cast<std::size_t>(w.head);
  }
  return cpu_seconds() - start;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    int rounds = 7;
    std::string conllu =
        std::string(SKEIN_SHARED_DIR) + "/dev-data/ud_english_ewt/en_ewt-ud-dev.conllu";
    std::vector<std::string> models;
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--rounds" && i + 1 < argc) {
        rounds = std::max(1, std::atoi(argv[++i]));
      } else if (arg == "--conllu" && i + 1 < argc) {
        conllu = argv[++i];
      } else if (arg == "-h" || arg == "--help") {
        std::puts(
            "usage: bench_parser_speed [--rounds N] [--conllu FILE] MODEL.skm [MODEL.skm ...]");
        return 0;
      } else {
        models.emplace_back(arg);
      }
    }
    if (models.empty()) {
      std::fputs("bench_parser_speed: give one or more parser model files\n", stderr);
      return 2;
    }
    const std::vector<skein::parse::TreebankSentence> gold = skein::parse::read_conllu(conllu);
    Corpus corpus;
    for (const auto& sentence : gold) {
      corpus.words.emplace_back();
      corpus.tags.emplace_back();
      for (const auto& w : sentence.words) {
        corpus.words.back().push_back(w.form);
        corpus.tags.back().push_back(w.upos);
        ++corpus.word_count;
      }
    }
    std::vector<skein::parse::DependencyParser> parsers;
    for (const auto& m : models) parsers.push_back(skein::parse::DependencyParser::load(m));
    skein::parse::ParseScratch scratch;
    std::size_t checksum = 0;
    for (const auto& p : parsers) parse_all(p, corpus, scratch, checksum);  // warm-up
    std::vector<std::vector<double>> seconds(parsers.size());
    std::vector<std::vector<double>> ratios(parsers.size());
    for (int r = 0; r < rounds; ++r) {
      for (std::size_t k = 0; k < parsers.size(); ++k)
        seconds[k].push_back(parse_all(parsers[k], corpus, scratch, checksum));
      for (std::size_t k = 0; k < parsers.size(); ++k)
        ratios[k].push_back(seconds[k].back() / seconds[0].back());
    }
    double load[1] = {0};
    if (getloadavg(load, 1) != 1) load[0] = -1;
    std::printf("%zu sentences, %zu words (%s), %d rounds, load average %.2f\n",
                corpus.words.size(), corpus.word_count, conllu.c_str(), rounds, load[0]);
    for (std::size_t k = 0; k < parsers.size(); ++k) {
      const double s = median(seconds[k]);
      std::printf("%-40s %8.1f us/sentence %10.0f words/s  x%.2f the first's time\n",
                  models[k].c_str(), 1e6 * s / static_cast<double>(corpus.words.size()),
                  static_cast<double>(corpus.word_count) / s, median(ratios[k]));
    }
    std::printf("(checksum %zu)\n", checksum);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_parser_speed: %s\n", e.what());
    return 1;
  }
}
