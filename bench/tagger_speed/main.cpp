// bench_tagger_speed: how fast the learned taggers (data/models/pos.skm, ner.skm) run on real
// news, next to Extractor::extract on the same texts in the same run, and what the whole
// pipeline would run at with both taggers added to it (the issue #13 target: >= 500,000
// words/s on one core).
//
//   bench_tagger_speed [--passes N] [CORPUS_DIR]
//
// Figures: model load time per model; single-thread tokens/s of segmentation + knowledge
// attributes, POS tagging and NER tagging (medians of N passes after a warm-up); the
// Extractor's words/s; the projected pipeline words/s = words / (extract + pos + ner time);
// peak RSS. Words are whitespace-separated tokens, as bench_extract_speed counts them.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/Utf8.h"
#include "extract/Extractor.h"
#include "extract/Knowledge.h"
#include "extract/LearnedTaggers.h"
#include "extract/Segmenter.h"
#include "extract/TokenAttributes.h"
#include "ingest/DocumentSource.h"
#include "learn/Features.h"
#include "learn/TaggerModel.h"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

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

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int run(int argc, char** argv) {
  int passes = 3;
  std::string dir = std::string(SKEIN_SHARED_DIR) + "/corpus/bbc";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
      passes = std::max(1, std::atoi(argv[++i]));
    } else if (argv[i][0] == '-') {
      std::cerr << "usage: bench_tagger_speed [--passes N] [CORPUS_DIR]\n";
      return std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0 ? 0 : 2;
    } else {
      dir = argv[i];
    }
  }
  if (!std::filesystem::is_directory(dir)) {
    std::cerr << "bench_tagger_speed: " << dir << ": not a directory of .txt articles\n";
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<skein::Document> documents;
  std::size_t words = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    skein::Document d;
    d.text = content.str();
    if (d.text.empty() || !skein::utf8::is_valid(d.text)) continue;
    d.uri = path.string();
    skein::ingest::mark_debris(d);
    words += count_words(d.text);
    documents.push_back(std::move(d));
  }
  std::printf("corpus: %zu documents, %zu words (%s)\n", documents.size(), words, dir.c_str());

  const std::string data = skein::extract::default_data_dir();
  auto t = Clock::now();
  const skein::extract::Extractor extractor{skein::extract::ExtractorOptions{}};
  std::printf("extractor start-up: %.0f ms\n", 1000 * seconds_since(t));
  t = Clock::now();
  const skein::learn::TaggerModel pos =
      skein::learn::TaggerModel::load(skein::learn::default_model_path(data, "pos"), "pos");
  std::printf("pos model load: %.0f ms (%zu rows)\n", 1000 * seconds_since(t), pos.row_count());
  t = Clock::now();
  const skein::learn::TaggerModel ner =
      skein::learn::TaggerModel::load(skein::learn::default_model_path(data, "ner"), "ner");
  std::printf("ner model load: %.0f ms (%zu rows)\n", 1000 * seconds_since(t), ner.row_count());
  const skein::extract::Knowledge knowledge(data);
  const skein::extract::TokenAttributes attributes(knowledge);
  // The run-time path the tagging components use (extract/LearnedTaggers.h).
  const skein::extract::DocumentTagger pos_tagger(pos, nullptr);
  const skein::extract::DocumentTagger ner_tagger(
      ner, &attributes, skein::extract::DocumentTagger::Compounds::kOneWord);
  skein::extract::SegmenterHooks hooks;
  hooks.is_abbreviation = skein::extract::is_builtin_abbreviation;
  hooks.is_common_word = [&](std::string_view w) {
    return (knowledge.lexicon(w) & skein::extract::lexicon_flags::kCommon) != 0;
  };

  skein::extract::Segmentation seg;
  std::vector<std::uint16_t> tags;
  std::vector<float> confidence;
  std::size_t tokens = 0, names = 0, entities = 0;
  std::vector<double> t_segment, t_pos, t_ner, t_extract;
  for (int pass = 0; pass <= passes; ++pass) {
    double seg_s = 0, pos_s = 0, ner_s = 0;
    tokens = names = 0;
    for (const auto& d : documents) {
      auto t0 = Clock::now();
      skein::extract::segment(d.text, d.excluded, hooks, seg);
      seg_s += seconds_since(t0);
      t0 = Clock::now();
      pos_tagger.tag(d.text, seg, tags, confidence);
      pos_s += seconds_since(t0);
      t0 = Clock::now();
      ner_tagger.tag(d.text, seg, tags, confidence);
      names += ner_tagger.spans(tags, confidence).size();
      ner_s += seconds_since(t0);
      tokens += seg.tokens.size();
    }
    auto t0 = Clock::now();
    entities = 0;
    for (const auto& d : documents) entities += extractor.extract(d).entities.size();
    const double ex_s = seconds_since(t0);
    if (pass == 0) continue;  // warm-up
    t_segment.push_back(seg_s);
    t_pos.push_back(pos_s);
    t_ner.push_back(ner_s);
    t_extract.push_back(ex_s);
  }
  const double seg_m = median(t_segment), pos_m = median(t_pos), ner_m = median(t_ner),
               ex_m = median(t_extract);
  const auto tok = static_cast<double>(tokens);
  const auto wd = static_cast<double>(words);
  std::printf("tokens (segmenter): %zu; NER spans: %zu; extractor entities: %zu\n", tokens, names,
              entities);
  std::printf("segmentation alone: %.0f tokens/s\n", tok / seg_m);
  std::printf("pos tagging:        %.0f tokens/s (%.1f%% of extract time)\n", tok / pos_m,
              100 * pos_m / ex_m);
  std::printf("ner attrs+tagging:  %.0f tokens/s (%.1f%% of extract time)\n", tok / ner_m,
              100 * ner_m / ex_m);
  std::printf("extractor (peer, same run): %.0f words/s\n", wd / ex_m);
  const double projected = wd / (ex_m + pos_m + ner_m);
  std::printf(
      "projected pipeline with both taggers: %.0f words/s, %.2fx the extractor alone — %s (target "
      ">= 500000)\n",
      projected, projected / (wd / ex_m), projected >= 500000 ? "PASS" : "FAIL");
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.0f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "bench_tagger_speed: " << error.what() << "\n";
    return 1;
  }
}
